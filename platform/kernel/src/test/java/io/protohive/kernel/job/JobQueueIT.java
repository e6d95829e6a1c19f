package io.protohive.kernel.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.Databases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job queue on PostgreSQL, with workers competing for its jobs. */
class JobQueueIT {

  private static final Duration LONG_LEASE = Duration.ofMinutes(5);

  private final DataSource owner = Databases.externalOwner();

  @BeforeEach
  void emptyQueue() throws Exception {
    Databases.execute(owner, "drop schema if exists public cascade; create schema public");
    DatabaseMigrations.migrate(owner, "external", "protohive_it_app");
  }

  @Test
  void concurrentClaimersNeverTakeTheSameJob() throws Exception {
    int jobs = 300;
    try (Connection connection = owner.getConnection()) {
      for (int i = 0; i < jobs; i++) {
        JobQueue.enqueue(connection, null, "test", "{\"n\":" + i + "}", Instant.now(), 3);
      }
    }
    Map<UUID, AtomicInteger> claims = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(8);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      String worker = "worker-" + w;
      running.add(
          workers.submit(
              () -> {
                try (Connection connection = owner.getConnection()) {
                  connection.setAutoCommit(false);
                  while (true) {
                    List<Job> claimed = JobQueue.claim(connection, worker, 4, LONG_LEASE);
                    connection.commit();
                    if (claimed.isEmpty()) {
                      return null;
                    }
                    for (Job job : claimed) {
                      claims.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
                      assertThat(JobQueue.complete(connection, job.id(), worker)).isTrue();
                    }
                    connection.commit();
                  }
                }
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    workers.shutdown();

    assertThat(claims).hasSize(jobs);
    assertThat(claims.values()).allMatch(count -> count.get() == 1);
    assertThat(Databases.queryString(owner, "select count(*) from job where status = 'DONE'"))
        .isEqualTo(String.valueOf(jobs));
  }

  @Test
  void aJobWhoseLeaseRanOutGoesToAnotherWorkerAndTheFirstCanNoLongerFinishIt() throws Exception {
    try (Connection connection = owner.getConnection()) {
      UUID id = JobQueue.enqueue(connection, null, "test", "{}", Instant.now(), 3);
      assertThat(JobQueue.claim(connection, "dead-node", 1, Duration.ofMillis(300)))
          .extracting(Job::id)
          .containsExactly(id);
      assertThat(JobQueue.claim(connection, "live-node", 1, LONG_LEASE)).as("leased").isEmpty();

      List<Job> reclaimed =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> JobQueue.claim(connection, "live-node", 1, LONG_LEASE),
                  claimed -> !claimed.isEmpty());

      assertThat(reclaimed.get(0).attempts()).isEqualTo(2);
      assertThat(JobQueue.renew(connection, id, "dead-node", LONG_LEASE)).isFalse();
      assertThat(JobQueue.complete(connection, id, "dead-node")).isFalse();
      assertThat(JobQueue.complete(connection, id, "live-node")).isTrue();
      assertThat(status(id)).isEqualTo("DONE");
    }
  }

  @Test
  void aFailingJobIsRetriedAfterItsBackoffThenDiesAndAnAdminCanRetryIt() throws Exception {
    try (Connection connection = owner.getConnection()) {
      UUID id = JobQueue.enqueue(connection, null, "test", "{}", Instant.now(), 2);
      JobQueue.claim(connection, "w", 1, LONG_LEASE);
      assertThat(JobQueue.fail(connection, id, "w", "boom", Duration.ofMinutes(1))).isTrue();
      assertThat(status(id)).isEqualTo("QUEUED");
      assertThat(JobQueue.claim(connection, "w", 1, LONG_LEASE)).as("backing off").isEmpty();

      Databases.execute(owner, "update job set run_at = now() where id = '" + id + "'");
      assertThat(JobQueue.claim(connection, "w", 1, LONG_LEASE)).hasSize(1);
      JobQueue.fail(connection, id, "w", "boom again", Duration.ZERO);

      assertThat(status(id)).isEqualTo("DEAD");
      assertThat(JobQueue.claim(connection, "w", 1, LONG_LEASE)).isEmpty();
      assertThat(Databases.queryString(owner, "select last_error from job"))
          .isEqualTo("boom again");
      assertThat(JobQueue.retry(connection, id)).isTrue();
      assertThat(JobQueue.claim(connection, "w", 1, LONG_LEASE)).hasSize(1);
    }
  }

  @Test
  void aJobAbandonedInItsLastAttemptIsBuried() throws Exception {
    try (Connection connection = owner.getConnection()) {
      UUID id = JobQueue.enqueue(connection, null, "test", "{}", Instant.now(), 1);
      JobQueue.claim(connection, "dead-node", 1, Duration.ofMillis(100));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> JobQueue.buryAbandoned(connection),
              buried -> buried.stream().map(Job::id).toList().equals(List.of(id)));

      assertThat(status(id)).isEqualTo("DEAD");
    }
  }

  private String status(UUID id) throws SQLException {
    return Databases.queryString(owner, "select status from job where id = '" + id + "'");
  }
}
