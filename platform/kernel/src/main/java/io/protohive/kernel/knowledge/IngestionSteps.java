package io.protohive.kernel.knowledge;

import io.protohive.kernel.file.FileRecords;
import io.protohive.kernel.file.FileStatus;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.memory.VectorArrays;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactions of a file's ingestion, each short: the work between them (reading, extracting,
 * embedding) holds no connection. A step for a version that is no longer the file's current one, or
 * for a file in the bin, does nothing, so that an old job never overwrites a newer version.
 */
@ApplicationScoped
public class IngestionSteps {

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject FileRecords records;
  @Inject EncryptedFiles bytes;
  @Inject WebhookEvents webhooks;

  /** A version to ingest and a reader of its bytes. */
  record Source(FileView file, EncryptedFiles.Reader reader) {}

  /** Marks the version as being extracted; empty when there is nothing to ingest. */
  @Transactional
  @InTenant
  public Optional<Source> begin(@TenantId UUID tenantId, UUID fileId, int version) {
    Optional<FileView> found =
        records.find(fileId).filter(f -> f.version() == version && f.deletedAt() == null);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FileRecords.Stored stored = records.stored(fileId, version).orElseThrow();
    records.status(fileId, version, FileStatus.EXTRACTING, null, null);
    return Optional.of(
        new Source(found.get(), bytes.reader(tenantId, stored.store(), stored.key())));
  }

  @Transactional
  @InTenant
  public void status(@TenantId UUID tenantId, UUID fileId, int version, FileStatus status) {
    records.status(fileId, version, status, null, null);
  }

  /** Ends ingestion of the version with a reason the file's owner reads. */
  @Transactional
  @InTenant
  public void settle(
      @TenantId UUID tenantId, UUID fileId, int version, FileStatus status, String reason) {
    if (records.status(fileId, version, status, reason, null) && status == FileStatus.READY) {
      ready(tenantId, fileId);
    }
  }

  /**
   * Keeps the version's chunks with their vectors, in place of any an earlier attempt left, and
   * marks the file ready.
   */
  @Transactional
  @InTenant
  public void save(
      @TenantId UUID tenantId,
      FileView file,
      int version,
      List<Chunk> chunks,
      List<float[]> vectors,
      Integer pages) {
    if (!records.status(file.id(), version, FileStatus.READY, null, pages)) {
      return;
    }
    ready(tenantId, file.id());
    Connection connection = entityManager.unwrap(Connection.class);
    try (var clear =
            connection.prepareStatement(
                "delete from file_chunk where file_id = ? and version = ?");
        var insert =
            connection.prepareStatement(
                "insert into file_chunk (id, tenant_id, organization_id, file_id, version,"
                    + " ordinal, page, heading, content, embedding)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      clear.setObject(1, file.id());
      clear.setInt(2, version);
      clear.executeUpdate();
      for (int i = 0; i < chunks.size(); i++) {
        Chunk chunk = chunks.get(i);
        insert.setObject(1, UUID.randomUUID());
        insert.setObject(2, tenantId);
        insert.setObject(3, file.organizationId());
        insert.setObject(4, file.id());
        insert.setInt(5, version);
        insert.setInt(6, chunk.ordinal());
        insert.setObject(7, chunk.page());
        insert.setString(8, chunk.heading());
        insert.setString(9, chunk.text());
        insert.setArray(10, VectorArrays.toSql(connection, vectors.get(i)));
        insert.addBatch();
      }
      insert.executeBatch();
      // chunks of earlier versions are searched no more
      try (var older =
          connection.prepareStatement("delete from file_chunk where file_id = ? and version < ?")) {
        older.setObject(1, file.id());
        older.setInt(2, version);
        older.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("a file's chunks cannot be kept", e);
    }
  }

  /** Tells the organization's webhooks that the file is ready, as the API shows it now. */
  private void ready(UUID tenantId, UUID fileId) {
    FileView file = records.find(fileId).orElseThrow();
    webhooks.emit(
        tenantId,
        file.organizationId(),
        WebhookEvents.FILE_READY,
        Json.createReader(new StringReader(JSON.toJson(file))).readObject());
  }
}
