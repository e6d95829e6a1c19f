package io.protohive.kernel.privacy;

import io.protohive.kernel.file.FileRecords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads and writes exports' rows. No access checks: callers bring them and the tenant scope. */
@ApplicationScoped
public class ExportRecords {

  private static final String COLUMNS =
      "id, status, size_bytes, created_at, ready_at, expires_at, store, storage_key";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** An export's row: what the person sees, and where its bytes lie once ready. */
  record Row(ExportView view, UUID userId, FileRecords.Stored stored) {}

  void insert(UUID id, UUID tenantId, UUID userId, Instant now) {
    entityManager
        .createNativeQuery(
            "insert into personal_export (id, tenant_id, user_id, status, created_at)"
                + " values (?1, ?2, ?3, 'QUEUED', ?4)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, userId)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
  }

  /** The person's export with this id; another person's is as absent as one that never was. */
  Optional<Row> find(UUID id, UUID userId) {
    return rows("where id = ?1 and user_id = ?2", id, userId).stream().findFirst();
  }

  /** Any person's export with this id, for the jobs that build and expire it. */
  Optional<Row> byId(UUID id) {
    return rows("where id = ?1", id).stream().findFirst();
  }

  List<Row> ofUser(UUID userId) {
    return rows("where user_id = ?1 order by created_at desc, id desc", userId);
  }

  /** Whether the export was still there to be made ready. */
  boolean ready(UUID id, String store, String key, long size, Instant now, Instant expires) {
    return entityManager
            .createNativeQuery(
                "update personal_export set status = 'READY', store = ?2, storage_key = ?3,"
                    + " size_bytes = ?4, ready_at = ?5, expires_at = ?6 where id = ?1")
            .setParameter(1, id)
            .setParameter(2, store)
            .setParameter(3, key)
            .setParameter(4, size)
            .setParameter(5, Timestamp.from(now))
            .setParameter(6, Timestamp.from(expires))
            .executeUpdate()
        == 1;
  }

  void status(UUID id, String status) {
    entityManager
        .createNativeQuery("update personal_export set status = ?2 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, status)
        .executeUpdate();
  }

  /** Deletes the person's exports' rows; the rows as they were. */
  List<Row> deleteOfUser(UUID userId) {
    List<Row> deleted = ofUser(userId);
    entityManager
        .createNativeQuery("delete from personal_export where user_id = ?1")
        .setParameter(1, userId)
        .executeUpdate();
    return deleted;
  }

  private List<Row> rows(String where, Object... parameters) {
    var query =
        entityManager.createNativeQuery(
            "select " + COLUMNS + ", user_id from personal_export " + where);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.getResultList();
    return rows.stream()
        .map(
            r ->
                new Row(
                    new ExportView(
                        (UUID) r[0],
                        (String) r[1],
                        (Long) r[2],
                        instant(r[3]),
                        instant(r[4]),
                        instant(r[5])),
                    (UUID) r[8],
                    r[6] == null
                        ? null
                        : new FileRecords.Stored(
                            (String) r[6], (String) r[7], (Long) r[2], Exports.CONTENT_TYPE)))
        .toList();
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
