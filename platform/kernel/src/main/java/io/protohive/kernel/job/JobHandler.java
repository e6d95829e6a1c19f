package io.protohive.kernel.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Does one kind of job. Implementations are CDI beans; a job may run again after a failure or after
 * its node died mid-way, so handlers pick up where the data says the work stands.
 */
public interface JobHandler {

  /** The kind of job this handler does, as enqueued. */
  String kind();

  /**
   * Does the job; a thrown exception fails this attempt and the job is retried after a backoff, a
   * thrown {@link Postponed} puts it off without counting the attempt.
   */
  void run(Job job) throws Exception;

  /**
   * Starts the job, for a job that waits on something else (a model's stream) without holding a
   * thread: the worker's thread goes back to the workers as soon as this returns, and the job ends
   * when the stage does. By default the job runs to its end before this returns.
   *
   * @return completed when the job is done; completed exceptionally fails this attempt as a thrown
   *     exception does
   */
  default CompletionStage<Void> start(Job job) throws Exception {
    run(job);
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The job is dead: its last attempt failed, or its worker stopped during it. What the job stood
   * for ends here (a run it was to finish would otherwise wait for ever); an admin may still retry
   * the job, which then finds its work ended.
   */
  default void buried(Job job, String reason) {}
}
