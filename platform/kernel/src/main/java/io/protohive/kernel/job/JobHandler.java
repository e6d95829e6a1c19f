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
}
