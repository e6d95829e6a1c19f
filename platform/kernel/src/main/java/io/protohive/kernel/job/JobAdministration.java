package io.protohive.kernel.job;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every job of every tenant, for platform admins: what runs, what failed, what died. */
@ApplicationScoped
public class JobAdministration {

  static final Set<String> STATUSES = Set.of("QUEUED", "RUNNING", "DONE", "DEAD");

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PlatformAdmins admins;
  @Inject Authorization authorization;
  @Inject JobWorkers workers;

  /** The jobs, newest first, optionally of one status. */
  @Transactional
  @AsPlatform
  public Page<JobView> list(Caller caller, String status, Integer limit, String cursor) {
    authorization.platformAdmin(caller);
    if (status != null && !STATUSES.contains(status)) {
      throw Rejection.invalid("status", "One of QUEUED, RUNNING, DONE and DEAD.");
    }
    PageRequest page = PageRequest.of(limit, cursor);
    var query =
        entityManager
            .createNativeQuery(
                "select id, tenant_id, kind, payload::text, status, attempts, max_attempts,"
                    + " run_at, locked_by, locked_until, last_error, created_at, updated_at"
                    + " from job where (cast(?1 as text) is null or status = ?1)"
                    + page.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2)
                    + " order by created_at desc, id desc limit ?4")
            .setParameter(1, status)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return page.page(
        rows.stream()
            .map(
                r ->
                    new JobView(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        ((Number) r[6]).intValue(),
                        instant(r[7]),
                        (String) r[8],
                        instant(r[9]),
                        (String) r[10],
                        instant(r[11]),
                        instant(r[12])))
            .toList(),
        job -> Cursor.of(job.createdAt(), job.id()));
  }

  /** Puts a dead job back in the queue with fresh attempts. */
  @Transactional
  @AsPlatform
  public void retry(Caller caller, UUID jobId) {
    authorization.platformAdmin(caller);
    try {
      if (!JobQueue.retry(entityManager.unwrap(Connection.class), jobId)) {
        throw Rejection.of(Rejection.Kind.NOT_FOUND, "No dead job with this id.");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the job cannot be retried", e);
    }
    workers.wake();
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
