package io.protohive.kernel.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The retention's queries. Deletes go in batches of ids, so a tenant's first purge after years of
 * data holds no lock for long and no transaction grows without bound.
 */
@ApplicationScoped
class RetentionStore {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Tenants that set a period of their own for any kind of data; read in the platform scope. */
  @SuppressWarnings("unchecked")
  List<UUID> tenantsWithRetention() {
    return entityManager
        .createNativeQuery(
            "select id from tenant where num_nonnulls(retention_messages_days,"
                + " retention_events_days, retention_audit_days, retention_files_days,"
                + " retention_usage_days) > 0 order by id")
        .getResultList();
  }

  /** Serializes planning the sweep across nodes, until the transaction ends. */
  void lockSweep() {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtext('protohive.retention.sweep'))")
        .getSingleResult();
  }

  /** Whether a sweep other than {@code except} waits in the queue or runs. */
  boolean sweepQueued(String kind, UUID except) {
    return !entityManager
        .createNativeQuery(
            "select 1 from job where kind = ?1 and status in ('QUEUED', 'RUNNING')"
                + " and id <> coalesce(?2, '00000000-0000-0000-0000-000000000000'::uuid) limit 1")
        .setParameter(1, kind)
        .setParameter(2, except)
        .getResultList()
        .isEmpty();
  }

  int deleteMessages(Instant cutoff, int batch) {
    return delete("message", "created_at < ?1", cutoff, batch);
  }

  int deleteEvents(Instant cutoff, int batch) {
    return delete("conversation_event", "created_at < ?1", cutoff, batch)
        // a delivery still being attempted is work, not history
        + delete("webhook_delivery", "created_at < ?1 and status <> 'PENDING'", cutoff, batch);
  }

  int deleteUsage(Instant cutoff, int batch) {
    return delete("llm_call", "created_at < ?1", cutoff, batch);
  }

  /** The audit trail is append-only to the application; its owner's function purges it. */
  int deleteAudit(Instant cutoff) {
    return ((Number)
            entityManager
                .createNativeQuery("select protohive_purge_audit(?1)")
                .setParameter(1, Timestamp.from(cutoff))
                .getSingleResult())
        .intValue();
  }

  /** Binned files whose period has passed, for the file purge to take each. */
  @SuppressWarnings("unchecked")
  List<UUID> binnedBefore(Instant cutoff, int batch) {
    return entityManager
        .createNativeQuery(
            "select id from stored_file where deleted_at < ?1 order by deleted_at limit ?2")
        .setParameter(1, Timestamp.from(cutoff))
        .setParameter(2, batch)
        .getResultList();
  }

  /** Rows are those of the transaction's tenant: the tables' policy shows no other. */
  private int delete(String table, String condition, Instant cutoff, int batch) {
    return entityManager
        .createNativeQuery(
            "delete from "
                + table
                + " where id in (select id from "
                + table
                + " where "
                + condition
                + " limit ?2)")
        .setParameter(1, Timestamp.from(cutoff))
        .setParameter(2, batch)
        .executeUpdate();
  }
}
