package io.protohive.kernel.file;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes resumable uploads. No access checks: callers bring them, the transaction and the
 * tenant scope.
 */
@ApplicationScoped
public class UploadRecords {

  private static final String COLUMNS =
      "id, organization_id, folder_id, name, length_bytes, offset_bytes, file_id, created_at,"
          + " expires_at, created_by, receiving_claim, receiving_since";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** An upload with whose it is and who sends its bytes now, if anyone. */
  record Row(UploadView upload, UUID createdBy, UUID claim, Instant claimedAt) {}

  void insert(UploadView upload, UUID tenantId, UUID createdBy) {
    entityManager
        .createNativeQuery(
            "insert into file_upload (id, tenant_id, organization_id, folder_id, created_by, name,"
                + " length_bytes, offset_bytes, created_at, expires_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9)")
        .setParameter(1, upload.id())
        .setParameter(2, tenantId)
        .setParameter(3, upload.organizationId())
        .setParameter(4, upload.folderId())
        .setParameter(5, createdBy)
        .setParameter(6, upload.name())
        .setParameter(7, upload.lengthBytes())
        .setParameter(8, Timestamp.from(upload.createdAt()))
        .setParameter(9, Timestamp.from(upload.expiresAt()))
        .executeUpdate();
  }

  Optional<Row> find(UUID id) {
    return row("select " + COLUMNS + " from file_upload where id = ?1", id);
  }

  /** The upload, locked until the transaction ends. */
  Optional<Row> lock(UUID id) {
    return row("select " + COLUMNS + " from file_upload where id = ?1 for update", id);
  }

  void claim(UUID id, UUID claim, Instant at) {
    entityManager
        .createNativeQuery(
            "update file_upload set receiving_claim = ?2, receiving_since = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, claim)
        .setParameter(3, at == null ? null : Timestamp.from(at))
        .executeUpdate();
  }

  void advance(UUID id, long offset) {
    entityManager
        .createNativeQuery(
            "update file_upload set offset_bytes = ?2, receiving_claim = null,"
                + " receiving_since = null where id = ?1")
        .setParameter(1, id)
        .setParameter(2, offset)
        .executeUpdate();
  }

  void finish(UUID id, UUID fileId) {
    entityManager
        .createNativeQuery("update file_upload set file_id = ?2 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, fileId)
        .executeUpdate();
  }

  void delete(UUID id) {
    entityManager
        .createNativeQuery("delete from file_upload where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private Optional<Row> row(String sql, UUID id) {
    List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Row(
                    new UploadView(
                        (UUID) r[0],
                        (UUID) r[1],
                        (UUID) r[2],
                        (String) r[3],
                        (Long) r[4],
                        (Long) r[5],
                        (UUID) r[6],
                        instant(r[7]),
                        instant(r[8])),
                    (UUID) r[9],
                    (UUID) r[10],
                    instant(r[11])));
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
