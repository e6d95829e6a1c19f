package io.protohive.kernel.job;

import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.LogContext;
import io.protohive.kernel.platform.PlatformSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * This node's background workers: they claim due jobs whenever a job is enqueued here and, for jobs
 * enqueued on other nodes, retried or abandoned by a dead node, every {@link #POLL}. Polling costs
 * one indexed query; no model is called unless a job asks for it. A running job's lease is renewed
 * every third of its length; a failed attempt is retried after an exponential backoff with jitter.
 * A job that waits without a thread ({@link JobHandler#start}) gives its worker's thread back while
 * it waits, so that the workers' count caps the jobs at work on this node's threads, not the
 * conversations whose models are streaming.
 */
@ApplicationScoped
public class JobWorkers {

  private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());

  static final Duration POLL = Duration.ofSeconds(1);

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

  static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject Instance<JobHandler> handlers;
  @Inject PlatformSettings settings;
  @Inject DatabaseScope scope;
  @Inject PlatformMetrics metrics;
  @Inject PlatformTraces traces;

  /** Jobs on a worker's thread: at most {@link PlatformSettings#jobWorkers()}. */
  private final AtomicInteger running = new AtomicInteger();

  /**
   * Jobs started that wait without a thread (a turn while its model streams): they do not count
   * against the workers, only against {@link PlatformSettings#jobsWaiting()}.
   */
  private final AtomicInteger waiting = new AtomicInteger();

  private final String name = "node-" + UUID.randomUUID();
  private volatile ScheduledFuture<?> polling;
  private volatile boolean stopping;

  public void start() {
    // read in the platform scope, as the workers claim: the queue of every tenant
    metrics.jobQueue(() -> inPlatformScope(JobQueue::due));
    polling =
        scheduler.scheduleWithFixedDelay(
            this::claimAndRun, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void stop() {
    stopping = true;
    ScheduledFuture<?> current = polling;
    if (current != null) {
      current.cancel(false);
    }
  }

  /** Claims due jobs now rather than at the next poll. */
  public void wake() {
    if (polling != null) {
      executor.execute(this::claimAndRun);
    }
  }

  /**
   * Whether this node is going down, as the worker thread asking sees it (stopped, or its thread
   * interrupted by the executor's shutdown): a job that fails now fails for that reason, and is
   * left for a worker of another node, or of this node once it is back.
   */
  public boolean stopping() {
    return stopping || Thread.currentThread().isInterrupted();
  }

  /** This node's name on the jobs it holds. */
  public String name() {
    return name;
  }

  private synchronized void claimAndRun() {
    int free =
        Math.min(
            settings.jobWorkers() - running.get(),
            settings.jobsWaiting() - waiting.get() - running.get());
    if (free <= 0) {
      return;
    }
    try {
      // one transaction for both: this runs under the lock after every job's end, so each round
      // trip here delays every worker waiting for its next job
      Claim claim =
          inPlatformScope(
              connection ->
                  new Claim(
                      JobQueue.buryAbandoned(connection),
                      JobQueue.claim(connection, name, free, settings.jobLease())));
      claim.abandoned().forEach(job -> bury(job, JobQueue.ABANDONED));
      for (Job job : claim.claimed()) {
        running.incrementAndGet();
        executor.execute(() -> run(job));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Jobs could not be claimed", e);
    }
  }

  private void run(Job job) {
    PlatformTraces.Work span = traces.job(job.kind(), job.id(), job.tenantId(), job.cause());
    try (LogContext context =
        context(job).with("requestId", span.traceId()).with("spanId", span.spanId())) {
      runLogged(job, span);
    } finally {
      // the job's own work and what it hands on carry the span; this thread does not any more
      span.detach();
    }
  }

  /** The job's log scope: its id and kind, and its tenant. */
  private static LogContext context(Job job) {
    return LogContext.open()
        .with("jobId", job.id())
        .with("jobKind", job.kind())
        .with("tenantId", job.tenantId());
  }

  private void runLogged(Job job, PlatformTraces.Work span) {
    Duration lease = settings.jobLease();
    ScheduledFuture<?> renewal =
        scheduler.scheduleAtFixedRate(
            () -> renew(job), lease.toMillis() / 3, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
    CompletableFuture<Void> work;
    try {
      work = handler(job.kind()).start(job).toCompletableFuture();
    } catch (Exception e) {
      work = CompletableFuture.failedFuture(e);
    }
    if (work.isDone()) {
      try {
        end(job, renewal, work, span);
      } finally {
        running.decrementAndGet();
        wake();
      }
      return;
    }
    // the job waits (on a model's stream) without this thread, which goes back to the workers; its
    // lease is still renewed, and it ends on the thread that completes it
    waiting.incrementAndGet();
    running.decrementAndGet();
    wake();
    CompletableFuture<Void> started = work;
    work.whenComplete(
        (done, error) -> {
          try (LogContext context =
              context(job).with("requestId", span.traceId()).with("spanId", span.spanId())) {
            end(job, renewal, started, span);
          } finally {
            waiting.decrementAndGet();
            wake();
          }
        });
  }

  /** Completes the job, or fails this attempt of it, once its work is done. */
  private void end(
      Job job, ScheduledFuture<?> renewal, CompletableFuture<Void> work, PlatformTraces.Work span) {
    try {
      Throwable error = null;
      try {
        work.join();
        inPlatformScope(connection -> JobQueue.complete(connection, job.id(), name));
      } catch (CompletionException e) {
        error = e.getCause() == null ? e : e.getCause();
      } catch (RuntimeException e) {
        error = e;
      }
      if (error != null) {
        span.failed(error);
        failed(job, error);
      }
    } finally {
      renewal.cancel(false);
      span.end();
    }
  }

  private void failed(Job job, Throwable e) {
    if (e instanceof Postponed postponed) {
      postpone(job, postponed);
      return;
    }
    if (stopping()) {
      // no fault of the job: it keeps its lease, which runs out for a worker of another node (or
      // of this one, once back) to take it over, or to bury it if this was its last attempt
      LOG.info(() -> "Job " + job.id() + " (" + job.kind() + ") is left for another worker");
      return;
    }
    LOG.log(Level.WARNING, "Job " + job.id() + " (" + job.kind() + ") failed", e);
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    try {
      boolean failed =
          inPlatformScope(
              connection -> JobQueue.fail(connection, job.id(), name, error, backoff(job)));
      if (failed && job.attempts() >= job.maxAttempts()) {
        bury(job, error);
      }
    } catch (RuntimeException stored) {
      LOG.log(Level.WARNING, "Job " + job.id() + " failure could not be stored", stored);
    }
  }

  private void postpone(Job job, Postponed postponed) {
    LOG.fine(() -> "Job " + job.id() + " (" + job.kind() + ") waits: " + postponed.getMessage());
    try {
      inPlatformScope(
          connection ->
              JobQueue.postpone(
                  connection, job.id(), name, postponed.getMessage(), postponed.delay()));
    } catch (RuntimeException stored) {
      LOG.log(Level.WARNING, "Job " + job.id() + " could not be postponed", stored);
    }
  }

  private void bury(Job job, String reason) {
    LOG.warning(() -> "Job " + job.id() + " (" + job.kind() + ") is dead: " + reason);
    try {
      handler(job.kind()).buried(job, reason);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job " + job.id() + " could not end its work", e);
    }
  }

  private void renew(Job job) {
    try {
      if (!inPlatformScope(
          connection -> JobQueue.renew(connection, job.id(), name, settings.jobLease()))) {
        LOG.warning("Job " + job.id() + " lost its lease to another node");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Job " + job.id() + " lease could not be renewed", e);
    }
  }

  private JobHandler handler(String kind) {
    return handlers.stream()
        .filter(handler -> handler.kind().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No handler for jobs of kind " + kind));
  }

  /** 2 s, 4 s, 8 s … up to 10 minutes, each with up to a quarter more at random. */
  static Duration backoff(Job job) {
    long base =
        Math.min(
            MAX_BACKOFF.toMillis(),
            FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, job.attempts() - 1)));
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
  }

  /** The jobs found abandoned on their last attempt, and those claimed, in one transaction. */
  private record Claim(List<Job> abandoned, List<Job> claimed) {}

  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  /** A short transaction of its own that sees every tenant's jobs. */
  private <T> T inPlatformScope(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      scope.platform(connection);
      T result = work.on(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("the job queue cannot be reached", e);
    }
  }
}
