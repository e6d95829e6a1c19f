package io.protohive.kernel.file;

import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.tenancy.TenantFileSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes files, their versions, folders and shares. No access checks: callers bring them,
 * the transaction and the tenant scope.
 */
@ApplicationScoped
public class FileRecords {

  private static final String FILE_COLUMNS =
      "f.id, f.organization_id, f.folder_id, f.name, f.content_type, f.size_bytes, f.version,"
          + " f.status, f.status_reason, f.pages, f.visibility, f.owner_id, f.agent_id, f.run_id,"
          + " f.task_id, f.created_at, f.updated_at, f.deleted_at";

  /**
   * Whether the reader bound as parameters 1 (an account or an agent) and 2 (sees every file) may
   * read {@code f}.
   */
  static final String READABLE =
      "(f.visibility = 'ORGANIZATION' or cast(?2 as boolean) or f.owner_id = ?1 or exists (select 1"
          + " from file_share s where s.file_id = f.id and (s.account_id = ?1 or s.agent_id = ?1)))";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Where a version's bytes lie. */
  public record Stored(String store, String key, long sizeBytes, String contentType) {}

  /** What provenance a file that an agent's tool made carries. */
  public record Provenance(UUID agentId, UUID runId, UUID taskId) {}

  void insertFile(
      UUID id,
      UUID tenantId,
      UUID organizationId,
      UUID folderId,
      String name,
      String contentType,
      long size,
      FileStatus status,
      FileVisibility visibility,
      UUID ownerId,
      Provenance provenance) {
    Timestamp now = Timestamp.from(now());
    entityManager
        .createNativeQuery(
            "insert into stored_file (id, tenant_id, organization_id, folder_id, name,"
                + " content_type, size_bytes, version, status, visibility, owner_id, agent_id,"
                + " run_id, task_id, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, organizationId)
        .setParameter(4, folderId)
        .setParameter(5, name)
        .setParameter(6, contentType)
        .setParameter(7, size)
        .setParameter(8, status.name())
        .setParameter(9, visibility.name())
        .setParameter(10, ownerId)
        .setParameter(11, provenance == null ? null : provenance.agentId())
        .setParameter(12, provenance == null ? null : provenance.runId())
        .setParameter(13, provenance == null ? null : provenance.taskId())
        .setParameter(14, now)
        .executeUpdate();
  }

  void insertVersion(
      UUID fileId, int version, UUID tenantId, Stored stored, String sha256, UUID createdBy) {
    entityManager
        .createNativeQuery(
            "insert into file_version (file_id, version, tenant_id, store, storage_key,"
                + " content_type, size_bytes, sha256, created_by, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
        .setParameter(1, fileId)
        .setParameter(2, version)
        .setParameter(3, tenantId)
        .setParameter(4, stored.store())
        .setParameter(5, stored.key())
        .setParameter(6, stored.contentType())
        .setParameter(7, stored.sizeBytes())
        .setParameter(8, sha256)
        .setParameter(9, createdBy)
        .setParameter(10, Timestamp.from(now()))
        .executeUpdate();
  }

  /** Makes a new version the file's current one; ingestion starts over. */
  void advance(UUID fileId, int version, String contentType, long size, FileStatus status) {
    entityManager
        .createNativeQuery(
            "update stored_file set version = ?2, content_type = ?3, size_bytes = ?4,"
                + " status = ?5, status_reason = null, pages = null, updated_at = ?6 where id = ?1")
        .setParameter(1, fileId)
        .setParameter(2, version)
        .setParameter(3, contentType)
        .setParameter(4, size)
        .setParameter(5, status.name())
        .setParameter(6, Timestamp.from(now()))
        .executeUpdate();
  }

  /** Any file of the tenant, live or in the bin. */
  public Optional<FileView> find(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + FILE_COLUMNS + " from stored_file f where f.id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(FileRecords::file);
  }

  /** Whether the reader may read the file, by the visibility rules of {@link #READABLE}. */
  public boolean readable(UUID fileId, UUID reader, boolean seesAll) {
    return !entityManager
        .createNativeQuery("select 1 from stored_file f where f.id = ?3 and " + READABLE)
        .setParameter(1, reader)
        .setParameter(2, seesAll)
        .setParameter(3, fileId)
        .getResultList()
        .isEmpty();
  }

  /**
   * A page of the files the reader may read in a folder ({@code null}: the top), newest first; when
   * {@code binned}, those in the bin the reader may restore (its own, or any for one who sees all)
   * instead.
   */
  List<FileView> list(
      UUID organizationId,
      UUID folderId,
      boolean binned,
      UUID reader,
      boolean seesAll,
      PageRequest page) {
    String where =
        " where f.organization_id = ?3 and "
            + READABLE
            + (binned
                ? " and f.deleted_at is not null and (cast(?2 as boolean) or f.owner_id = ?1)"
                : " and f.deleted_at is null"
                    + (folderId == null ? " and f.folder_id is null" : " and f.folder_id = ?4"));
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + FILE_COLUMNS
                    + " from stored_file f"
                    + where
                    + page.keyset("f.created_at, f.id", PageRequest.Order.NEWEST_FIRST, 5)
                    + " order by f.created_at desc, f.id desc limit ?7")
            .setParameter(1, reader)
            .setParameter(2, seesAll)
            .setParameter(3, organizationId)
            .setParameter(7, page.fetch());
    if (!binned && folderId != null) {
      query.setParameter(4, folderId);
    }
    List<Object[]> rows = page.bindKeyset(query, 5).getResultList();
    return rows.stream().map(FileRecords::file).toList();
  }

  void describe(UUID id, String name, UUID folderId, FileVisibility visibility) {
    entityManager
        .createNativeQuery(
            "update stored_file set name = ?2, folder_id = ?3, visibility = ?4, updated_at = ?5"
                + " where id = ?1")
        .setParameter(1, id)
        .setParameter(2, name)
        .setParameter(3, folderId)
        .setParameter(4, visibility.name())
        .setParameter(5, Timestamp.from(now()))
        .executeUpdate();
  }

  /** Moves the file to the bin at {@code at}, or out of it when {@code at} is {@code null}. */
  void bin(UUID id, Instant at) {
    entityManager
        .createNativeQuery("update stored_file set deleted_at = ?2, updated_at = ?3 where id = ?1")
        .setParameter(1, id)
        .setParameter(2, at == null ? null : Timestamp.from(at))
        .setParameter(3, Timestamp.from(now()))
        .executeUpdate();
  }

  /**
   * Records how far ingestion of a version came; a version no longer current is left alone.
   *
   * @return whether the version was still the file's current one
   */
  public boolean status(UUID fileId, int version, FileStatus status, String reason, Integer pages) {
    return entityManager
            .createNativeQuery(
                "update stored_file set status = ?3, status_reason = ?4,"
                    + " pages = coalesce(?5, pages), updated_at = ?6"
                    + " where id = ?1 and version = ?2")
            .setParameter(1, fileId)
            .setParameter(2, version)
            .setParameter(3, status.name())
            .setParameter(4, reason)
            .setParameter(5, pages)
            .setParameter(6, Timestamp.from(now()))
            .executeUpdate()
        == 1;
  }

  /** Where a version's bytes lie. */
  public Optional<Stored> stored(UUID fileId, int version) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select store, storage_key, size_bytes, content_type from file_version"
                    + " where file_id = ?1 and version = ?2")
            .setParameter(1, fileId)
            .setParameter(2, version)
            .getResultList();
    return rows.stream().findFirst().map(FileRecords::stored);
  }

  /** Every version of every file of the transaction's tenant. */
  List<Stored> storedVersions() {
    return stored(
        entityManager.createNativeQuery(
            "select store, storage_key, size_bytes, content_type from file_version"));
  }

  List<Stored> storedVersions(UUID fileId) {
    return stored(
        entityManager
            .createNativeQuery(
                "select store, storage_key, size_bytes, content_type from file_version"
                    + " where file_id = ?1")
            .setParameter(1, fileId));
  }

  @SuppressWarnings("unchecked")
  private static List<Stored> stored(Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(FileRecords::stored).toList();
  }

  /** A row of store, storage key, size and content type. */
  private static Stored stored(Object[] row) {
    return new Stored((String) row[0], (String) row[1], (Long) row[2], (String) row[3]);
  }

  List<FileVersionView> versions(UUID fileId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select file_id, version, content_type, size_bytes, sha256, created_by, created_at"
                    + " from file_version where file_id = ?1 order by version desc")
            .setParameter(1, fileId)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new FileVersionView(
                    (UUID) r[0],
                    (Integer) r[1],
                    (String) r[2],
                    (Long) r[3],
                    (String) r[4],
                    (UUID) r[5],
                    instant(r[6])))
        .toList();
  }

  /** Bytes the tenant keeps in every version of every file, the bin included. */
  long usage(UUID tenantId) {
    Object sum =
        entityManager
            .createNativeQuery(
                "select coalesce(sum(size_bytes), 0) from file_version where tenant_id = ?1")
            .setParameter(1, tenantId)
            .getSingleResult();
    return ((Number) sum).longValue();
  }

  TenantFileSettings tenantFiles(UUID tenantId) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery("select file_quota_bytes, file_store from tenant where id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
    return new TenantFileSettings((Long) row[0], (String) row[1]);
  }

  /** Holds the tenant's uploads one at a time until the transaction ends, for the quota's sake. */
  void lockUploads(UUID tenantId) {
    entityManager
        .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 16))")
        .setParameter(1, tenantId.toString())
        .getResultList();
  }

  void purge(UUID fileId) {
    entityManager
        .createNativeQuery("delete from stored_file where id = ?1")
        .setParameter(1, fileId)
        .executeUpdate();
  }

  // folders

  void insertFolder(FolderView folder, UUID tenantId) {
    entityManager
        .createNativeQuery(
            "insert into file_folder (id, tenant_id, organization_id, parent_id, name, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, folder.id())
        .setParameter(2, tenantId)
        .setParameter(3, folder.organizationId())
        .setParameter(4, folder.parentId())
        .setParameter(5, folder.name())
        .setParameter(6, Timestamp.from(folder.createdAt()))
        .executeUpdate();
  }

  Optional<FolderView> folder(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, organization_id, parent_id, name, created_at from file_folder"
                    + " where id = ?1 and deleted_at is null")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(FileRecords::folder);
  }

  boolean folderNameTaken(UUID organizationId, UUID parentId, String name) {
    return !entityManager
        .createNativeQuery(
            "select 1 from file_folder where organization_id = ?1 and deleted_at is null"
                + " and parent_id is not distinct from ?2 and lower(name) = lower(?3)")
        .setParameter(1, organizationId)
        .setParameter(2, parentId)
        .setParameter(3, name)
        .getResultList()
        .isEmpty();
  }

  /** The folders in a folder ({@code null}: the top), by name. */
  List<FolderView> folders(UUID organizationId, UUID parentId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, organization_id, parent_id, name, created_at from file_folder"
                    + " where organization_id = ?1 and parent_id is not distinct from ?2"
                    + " and deleted_at is null order by lower(name), id")
            .setParameter(1, organizationId)
            .setParameter(2, parentId)
            .getResultList();
    return rows.stream().map(FileRecords::folder).toList();
  }

  // shares

  boolean isMember(UUID organizationId, UUID accountId) {
    return !entityManager
        .createNativeQuery("select 1 from membership where organization_id = ?1 and user_id = ?2")
        .setParameter(1, organizationId)
        .setParameter(2, accountId)
        .getResultList()
        .isEmpty();
  }

  boolean isAgent(UUID organizationId, UUID agentId) {
    return !entityManager
        .createNativeQuery("select 1 from agent where organization_id = ?1 and id = ?2")
        .setParameter(1, organizationId)
        .setParameter(2, agentId)
        .getResultList()
        .isEmpty();
  }

  List<ShareView> shares(UUID fileId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, file_id, account_id, agent_id, created_at from file_share"
                    + " where file_id = ?1 order by created_at, id")
            .setParameter(1, fileId)
            .getResultList();
    return rows.stream()
        .map(r -> new ShareView((UUID) r[0], (UUID) r[1], (UUID) r[2], (UUID) r[3], instant(r[4])))
        .toList();
  }

  /** Shares the file with a member or an agent, once; returns the share, new or already there. */
  ShareView share(UUID tenantId, UUID fileId, UUID accountId, UUID agentId) {
    entityManager
        .createNativeQuery(
            "insert into file_share (id, file_id, tenant_id, account_id, agent_id, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, fileId)
        .setParameter(3, tenantId)
        .setParameter(4, accountId)
        .setParameter(5, agentId)
        .setParameter(6, Timestamp.from(now()))
        .executeUpdate();
    return shares(fileId).stream()
        .filter(
            s ->
                (accountId != null && accountId.equals(s.accountId()))
                    || (agentId != null && agentId.equals(s.agentId())))
        .findFirst()
        .orElseThrow();
  }

  boolean unshare(UUID fileId, UUID shareId) {
    return entityManager
            .createNativeQuery("delete from file_share where file_id = ?1 and id = ?2")
            .setParameter(1, fileId)
            .setParameter(2, shareId)
            .executeUpdate()
        == 1;
  }

  private static FolderView folder(Object[] r) {
    return new FolderView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], instant(r[4]));
  }

  private static FileView file(Object[] r) {
    return new FileView(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        (String) r[4],
        (Long) r[5],
        (Integer) r[6],
        FileStatus.valueOf((String) r[7]),
        (String) r[8],
        (Integer) r[9],
        FileVisibility.valueOf((String) r[10]),
        (UUID) r[11],
        (UUID) r[12],
        (UUID) r[13],
        (UUID) r[14],
        instant(r[15]),
        instant(r[16]),
        instant(r[17]));
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
