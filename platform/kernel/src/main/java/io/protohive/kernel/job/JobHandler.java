package io.protohive.kernel.job;

/**
 * Does one kind of job. Implementations are CDI beans; a job may run again after a failure or after
 * its node died mid-way, so handlers pick up where the data says the work stands.
 */
public interface JobHandler {

  /** The kind of job this handler does, as enqueued. */
  String kind();

  /** Does the job; a thrown exception fails this attempt and the job is retried after a backoff. */
  void run(Job job) throws Exception;

  /**
   * The job is dead: its last attempt failed, or its worker stopped during it. What the job stood
   * for ends here (a run it was to finish would otherwise wait for ever); an admin may still retry
   * the job, which then finds its work ended.
   */
  default void buried(Job job, String reason) {}
}
