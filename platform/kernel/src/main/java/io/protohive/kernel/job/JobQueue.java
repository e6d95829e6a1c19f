package io.protohive.kernel.job;

import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.observability.PlatformTraces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The durable job queue's SQL, on a connection whose transaction the caller owns. A job is claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers on any node never take the same one,
 * and held by a lease its worker renews; a job whose lease ran out (its worker's node died) is
 * claimed again. Every change of a running job is guarded by the worker's name, so a worker that
 * lost its lease can no longer complete or fail the job another worker now holds.
 */
public final class JobQueue {

  // what the statements that hand out jobs return, in the order jobs() reads
  private static final String RETURNING =
      " returning id, tenant_id, kind, payload::text, attempts, max_attempts, cause";

  /** The jobs a worker may claim now: due, or abandoned by a worker whose lease ran out. */
  private static final String DUE =
      " ((status = 'QUEUED' and run_at <= now()) or (status = 'RUNNING' and locked_until < now()))"
          + " and attempts < max_attempts";

  private JobQueue() {}

  public static UUID enqueue(
      Connection connection,
      UUID tenantId,
      String kind,
      String payload,
      Instant runAt,
      int maxAttempts)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (var insert =
        connection.prepareStatement(
            "insert into job (id, tenant_id, kind, payload, status, max_attempts, run_at, cause,"
                + " created_at, updated_at)"
                + " values (?, ?, ?, cast(? as jsonb), 'QUEUED', ?, ?, ?, now(), now())")) {
      insert.setObject(1, id);
      insert.setObject(2, tenantId);
      insert.setString(3, kind);
      insert.setString(4, payload);
      insert.setInt(5, maxAttempts);
      insert.setTimestamp(6, Timestamp.from(runAt));
      insert.setString(7, PlatformTraces.cause());
      insert.executeUpdate();
    }
    return id;
  }

  /** Claims up to {@code limit} due jobs, oldest due first, for {@code lease}. */
  public static List<Job> claim(Connection connection, String worker, int limit, Duration lease)
      throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = 'RUNNING', locked_by = ?, attempts = attempts + 1,"
                + " locked_until = now() + make_interval(secs => ?), updated_at = now()"
                + " where id in (select id from job where"
                + DUE
                + " order by run_at limit ? for update skip locked)"
                + RETURNING)) {
      update.setString(1, worker);
      update.setDouble(2, lease.toMillis() / 1000.0);
      update.setInt(3, limit);
      return jobs(update);
    }
  }

  /**
   * How many jobs a worker may claim now, and how long the one that became claimable first has
   * waited; one pass over the partial index of queued and running jobs.
   */
  public static PlatformMetrics.JobQueueReading due(Connection connection) throws SQLException {
    try (var select =
            connection.prepareStatement(
                "select count(*), coalesce(extract(epoch from now() - min(case when status ="
                    + " 'QUEUED' then run_at else locked_until end)), 0) from job where"
                    + DUE);
        ResultSet row = select.executeQuery()) {
      row.next();
      return new PlatformMetrics.JobQueueReading(
          row.getLong(1), Duration.ofMillis(Math.round(row.getDouble(2) * 1000)));
    }
  }

  /** The jobs an update statement returned, in the columns of {@link #RETURNING}. */
  private static List<Job> jobs(PreparedStatement update) throws SQLException {
    List<Job> jobs = new ArrayList<>();
    try (ResultSet rows = update.executeQuery()) {
      while (rows.next()) {
        jobs.add(
            new Job(
                rows.getObject(1, UUID.class),
                rows.getObject(2, UUID.class),
                rows.getString(3),
                rows.getString(4),
                rows.getInt(5),
                rows.getInt(6),
                rows.getString(7)));
      }
    }
    return jobs;
  }

  /** Extends the worker's lease; false when the worker no longer holds the job. */
  public static boolean renew(Connection connection, UUID jobId, String worker, Duration lease)
      throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set locked_until = now() + make_interval(secs => ?), updated_at = now()"
                + " where id = ? and locked_by = ? and status = 'RUNNING'")) {
      update.setDouble(1, lease.toMillis() / 1000.0);
      update.setObject(2, jobId);
      update.setString(3, worker);
      return update.executeUpdate() == 1;
    }
  }

  /** The job is done; false when the worker no longer held it. */
  public static boolean complete(Connection connection, UUID jobId, String worker)
      throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = 'DONE', locked_by = null, locked_until = null,"
                + " last_error = null, updated_at = now()"
                + " where id = ? and locked_by = ? and status = 'RUNNING'")) {
      update.setObject(1, jobId);
      update.setString(2, worker);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * The attempt failed: the job is due again after {@code backoff}, or dead once it used up its
   * attempts. False when the worker no longer held it.
   */
  public static boolean fail(
      Connection connection, UUID jobId, String worker, String error, Duration backoff)
      throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = case when attempts >= max_attempts then 'DEAD' else 'QUEUED'"
                + " end, run_at = now() + make_interval(secs => ?), locked_by = null,"
                + " locked_until = null, last_error = ?, updated_at = now()"
                + " where id = ? and locked_by = ? and status = 'RUNNING'")) {
      update.setDouble(1, backoff.toMillis() / 1000.0);
      update.setString(2, error);
      update.setObject(3, jobId);
      update.setString(4, worker);
      return update.executeUpdate() == 1;
    }
  }

  /**
   * The job could not start yet: due again after {@code delay}, the attempt not counted. False when
   * the worker no longer held it.
   */
  public static boolean postpone(
      Connection connection, UUID jobId, String worker, String reason, Duration delay)
      throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = 'QUEUED', attempts = attempts - 1,"
                + " run_at = now() + make_interval(secs => ?), locked_by = null,"
                + " locked_until = null, last_error = ?, updated_at = now()"
                + " where id = ? and locked_by = ? and status = 'RUNNING'")) {
      update.setDouble(1, delay.toMillis() / 1000.0);
      update.setString(2, reason);
      update.setObject(3, jobId);
      update.setString(4, worker);
      return update.executeUpdate() == 1;
    }
  }

  /** Why {@link #buryAbandoned} buries a job. */
  public static final String ABANDONED = "Its worker stopped during the last attempt.";

  /** Running jobs whose worker vanished after their last attempt: dead, with the reason. */
  public static List<Job> buryAbandoned(Connection connection) throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = 'DEAD', locked_by = null, locked_until = null,"
                + " last_error = ?, updated_at = now()"
                + " where status = 'RUNNING' and locked_until < now()"
                + " and attempts >= max_attempts"
                + RETURNING)) {
      update.setString(1, ABANDONED);
      return jobs(update);
    }
  }

  /** Puts a dead job back in the queue with fresh attempts, for an admin. */
  public static boolean retry(Connection connection, UUID jobId) throws SQLException {
    try (var update =
        connection.prepareStatement(
            "update job set status = 'QUEUED', attempts = 0, run_at = now(), last_error = null,"
                + " updated_at = now() where id = ? and status = 'DEAD'")) {
      update.setObject(1, jobId);
      return update.executeUpdate() == 1;
    }
  }
}
