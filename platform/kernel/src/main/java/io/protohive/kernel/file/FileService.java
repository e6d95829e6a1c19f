package io.protohive.kernel.file;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.file.storage.FileStores;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantRetentions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An organization's files: upload, versions, folders, the bin and shares. Every member may upload
 * and read the files visible to them; a file's owner and the organization's admins change, share
 * and delete it. A file someone may not read answers as not found, as if it did not exist. A new
 * version is ingested for search by a durable job ({@link #INGESTION}).
 */
@ApplicationScoped
public class FileService {

  /** The job that extracts, chunks and embeds a file's current version. */
  public static final String INGESTION = "file.ingest";

  private static final String NOT_FOUND = "No file with this id.";
  private static final Logger LOG = Logger.getLogger(FileService.class.getName());

  @Inject FileRecords records;
  @Inject FileLimits limits;
  @Inject TenantRetentions retentions;
  @Inject EncryptedFiles bytes;
  @Inject FileStores stores;
  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject Jobs jobs;
  @Resource TransactionSynchronizationRegistry transactions;

  /** What a reader downloads: the file and a way to read its current version's bytes. */
  public record FileContent(FileView file, EncryptedFiles.Reader reader) {}

  /**
   * Checks, before any byte is received, that the caller may upload into the organization and
   * folder.
   */
  @Transactional
  @InTenant
  public void mayUpload(Caller caller, UUID organizationId, UUID folderId) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    folderOf(organizationId, folderId);
  }

  /** Stores an uploaded file, visible to the whole organization, and queues its ingestion. */
  @Transactional
  @InTenant
  public FileView upload(
      Caller caller, UUID organizationId, UUID folderId, String name, SpooledUpload upload) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    folderOf(organizationId, folderId);
    String checked = FileNames.check("file", name);
    UUID id = UUID.randomUUID();
    FileRecords.Stored stored = store(caller.tenantId(), organizationId, id, 1, upload);
    records.insertFile(
        id,
        caller.tenantId(),
        organizationId,
        folderId,
        checked,
        upload.contentType(),
        upload.sizeBytes(),
        FileStatus.QUEUED,
        FileVisibility.ORGANIZATION,
        caller.userId(),
        null);
    records.insertVersion(id, 1, caller.tenantId(), stored, upload.sha256(), caller.userId());
    ingest(caller.tenantId(), id, 1);
    record(caller, Action.FILE_UPLOADED, id, checked);
    return records.find(id).orElseThrow();
  }

  /** Stores a file an agent's tool made, with where it came from, for the organization. */
  @Transactional
  @InTenant
  public FileView keep(
      @TenantId UUID tenantId,
      UUID organizationId,
      String name,
      SpooledUpload upload,
      FileRecords.Provenance provenance) {
    String checked = FileNames.check("name", name);
    UUID id = UUID.randomUUID();
    FileRecords.Stored stored = store(tenantId, organizationId, id, 1, upload);
    records.insertFile(
        id,
        tenantId,
        organizationId,
        null,
        checked,
        upload.contentType(),
        upload.sizeBytes(),
        FileStatus.QUEUED,
        FileVisibility.ORGANIZATION,
        null,
        provenance);
    records.insertVersion(id, 1, tenantId, stored, upload.sha256(), null);
    ingest(tenantId, id, 1);
    return records.find(id).orElseThrow();
  }

  /** Checks that the caller may replace the file's bytes, before any byte is received. */
  @Transactional
  @InTenant
  public void mayReplace(Caller caller, UUID fileId) {
    changeable(caller, fileId, false);
  }

  /** Makes the upload the file's new current version; the old ones stay until purged. */
  @Transactional
  @InTenant
  public FileView replace(Caller caller, UUID fileId, SpooledUpload upload) {
    FileView file = changeable(caller, fileId, false);
    int version = file.version() + 1;
    FileRecords.Stored stored =
        store(caller.tenantId(), file.organizationId(), fileId, version, upload);
    records.insertVersion(
        fileId, version, caller.tenantId(), stored, upload.sha256(), caller.userId());
    records.advance(fileId, version, upload.contentType(), upload.sizeBytes(), FileStatus.QUEUED);
    ingest(caller.tenantId(), fileId, version);
    record(caller, Action.FILE_CHANGED, fileId, "version " + version);
    return records.find(fileId).orElseThrow();
  }

  /**
   * A page of the files in a folder ({@code null}: the top) that the caller may read, newest first;
   * with {@code binned} those in the bin instead, of all folders.
   */
  @Transactional
  @InTenant
  public Page<FileView> list(
      Caller caller,
      UUID organizationId,
      UUID folderId,
      boolean binned,
      Integer limit,
      String cursor) {
    Role role = authorization.organization(caller, organizationId, Permission.VIEW);
    folderOf(organizationId, folderId);
    PageRequest page = PageRequest.of(limit, cursor);
    // the bin's condition (what the caller may restore) is in the query, so pages stay full
    return page.page(
        records.list(organizationId, folderId, binned, caller.userId(), seesAll(role), page),
        file -> Cursor.of(file.createdAt(), file.id()));
  }

  @Transactional
  @InTenant
  public FileView get(Caller caller, UUID fileId) {
    return readable(caller, fileId);
  }

  /** The file and a reader of its current version's bytes, usable after the transaction. */
  @Transactional
  @InTenant
  public FileContent content(Caller caller, UUID fileId) {
    FileView file = readable(caller, fileId);
    FileRecords.Stored stored = records.stored(fileId, file.version()).orElseThrow();
    return new FileContent(file, bytes.reader(caller.tenantId(), stored.store(), stored.key()));
  }

  @Transactional
  @InTenant
  public List<FileVersionView> versions(Caller caller, UUID fileId) {
    readable(caller, fileId);
    return records.versions(fileId);
  }

  @Transactional
  @InTenant
  public FileView change(Caller caller, UUID fileId, FileChange change) {
    if (change == null) {
      throw Rejection.invalid("body", "Send the fields to change.");
    }
    FileView file = changeable(caller, fileId, false);
    String name = change.name() == null ? file.name() : FileNames.check("name", change.name());
    UUID folderId = file.folderId();
    if (Boolean.TRUE.equals(change.toTop())) {
      folderId = null;
    } else if (change.folderId() != null) {
      folderId = folderOf(file.organizationId(), change.folderId()).id();
    }
    FileVisibility visibility =
        change.visibility() == null ? file.visibility() : change.visibility();
    records.describe(fileId, name, folderId, visibility);
    record(caller, Action.FILE_CHANGED, fileId, name);
    return records.find(fileId).orElseThrow();
  }

  /** Moves the file to the bin, from which it is restored or, after the retention, purged. */
  @Transactional
  @InTenant
  public void delete(Caller caller, UUID fileId) {
    changeable(caller, fileId, false);
    Instant binned = FileRecords.now();
    records.bin(fileId, binned);
    jobs.enqueue(
        caller.tenantId(),
        FilePurge.KIND,
        FilePurge.payload(fileId),
        binned.plus(Duration.ofDays(binDays(caller.tenantId()))));
    record(caller, Action.FILE_DELETED, fileId, null);
  }

  @Transactional
  @InTenant
  public FileView restore(Caller caller, UUID fileId) {
    FileView file = changeable(caller, fileId, true);
    if (file.deletedAt() == null) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "The file is not in the bin.");
    }
    if (file.folderId() != null && records.folder(file.folderId()).isEmpty()) {
      records.describe(fileId, file.name(), null, file.visibility());
    }
    records.bin(fileId, null);
    record(caller, Action.FILE_RESTORED, fileId, null);
    return records.find(fileId).orElseThrow();
  }

  /**
   * Deletes a binned file's rows once its retention has passed, unless it was restored.
   *
   * @return where the bytes of its versions lie, for the caller to delete after the commit
   */
  @Transactional
  @InTenant
  public List<FileRecords.Stored> purgeIfDue(@TenantId UUID tenantId, UUID fileId) {
    Instant due = Instant.now().minus(Duration.ofDays(binDays(tenantId)));
    return records
        .find(fileId)
        .filter(file -> file.deletedAt() != null && !file.deletedAt().isAfter(due))
        .map(
            file -> {
              List<FileRecords.Stored> stored = records.storedVersions(fileId);
              records.purge(fileId);
              return stored;
            })
        .orElse(List.of());
  }

  /** Days a binned file of the tenant waits to be purged: its own retention, or the platform's. */
  private int binDays(UUID tenantId) {
    Integer own = retentions.of(tenantId).filesDays();
    return own != null ? own : limits.retentionDays();
  }

  @Transactional
  @InTenant
  public List<ShareView> shares(Caller caller, UUID fileId) {
    readable(caller, fileId);
    return records.shares(fileId);
  }

  /**
   * Shares the file with a member ({@code accountId}) or an agent ({@code agentId}) of its
   * organization; sharing twice gives the same share.
   */
  @Transactional
  @InTenant
  public ShareView share(Caller caller, UUID fileId, UUID accountId, UUID agentId) {
    FileView file = changeable(caller, fileId, false);
    if ((accountId == null) == (agentId == null)) {
      throw Rejection.invalid("accountId", "Name one member (accountId) or one agent (agentId).");
    }
    if (accountId != null && !records.isMember(file.organizationId(), accountId)) {
      throw Rejection.invalid("accountId", "No member with this id in the organization.");
    }
    if (agentId != null && !records.isAgent(file.organizationId(), agentId)) {
      throw Rejection.invalid("agentId", "No agent with this id in the organization.");
    }
    ShareView share = records.share(caller.tenantId(), fileId, accountId, agentId);
    record(
        caller,
        Action.FILE_SHARED,
        fileId,
        accountId != null ? "member " + accountId : "agent " + agentId);
    return share;
  }

  @Transactional
  @InTenant
  public void unshare(Caller caller, UUID fileId, UUID shareId) {
    changeable(caller, fileId, false);
    if (!records.unshare(fileId, shareId)) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No share with this id on the file.");
    }
    record(caller, Action.FILE_UNSHARED, fileId, "share " + shareId);
  }

  @Transactional
  @InTenant
  public FolderView createFolder(Caller caller, UUID organizationId, UUID parentId, String name) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    folderOf(organizationId, parentId);
    String checked = FileNames.check("name", name);
    if (records.folderNameTaken(organizationId, parentId, checked)) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "A folder of this name is already there.");
    }
    FolderView folder =
        new FolderView(UUID.randomUUID(), organizationId, parentId, checked, FileRecords.now());
    records.insertFolder(folder, caller.tenantId());
    return folder;
  }

  /** The folders in a folder ({@code null}: the top), by name. */
  @Transactional
  @InTenant
  public List<FolderView> folders(Caller caller, UUID organizationId, UUID parentId) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    folderOf(organizationId, parentId);
    return records.folders(organizationId, parentId);
  }

  private FileRecords.Stored store(
      UUID tenantId, UUID organizationId, UUID fileId, int version, SpooledUpload upload) {
    if (ContentTypes.refused(upload.contentType())) {
      throw Rejection.invalid(
          "file", "Programs cannot be kept as files (" + upload.contentType() + ").");
    }
    requireSize(upload.sizeBytes());
    records.lockUploads(tenantId);
    TenantFileSettings tenant = records.tenantFiles(tenantId);
    requireQuota(tenantId, tenant, upload.sizeBytes());
    String store = tenant.store() == null ? stores.defaultName() : tenant.store();
    String key = tenantId + "/" + organizationId + "/" + fileId + "/" + version;
    // bytes stored for a transaction that does not commit would be kept for no one
    AfterCommit.unlessCommitted(transactions, () -> deleteQuietly(store, key));
    try {
      bytes.store(tenantId, store, key, upload.path());
    } catch (IOException e) {
      throw new UncheckedIOException("a file's bytes cannot be stored", e);
    }
    return new FileRecords.Stored(store, key, upload.sizeBytes(), upload.contentType());
  }

  /**
   * Refuses, before any byte is received, a file larger than a file may be or than the tenant's
   * quota has room for; it is checked again when the file is stored.
   */
  void requireRoom(UUID tenantId, long sizeBytes) {
    requireSize(sizeBytes);
    requireQuota(tenantId, records.tenantFiles(tenantId), sizeBytes);
  }

  private void requireSize(long sizeBytes) {
    if (sizeBytes > limits.maxFileBytes()) {
      throw Rejection.of(
          Rejection.Kind.TOO_LARGE,
          "A file has at most " + Sizes.readable(limits.maxFileBytes()) + ".");
    }
  }

  private void requireQuota(UUID tenantId, TenantFileSettings tenant, long sizeBytes) {
    long quota = tenant.quotaBytes() == null ? limits.defaultQuotaBytes() : tenant.quotaBytes();
    long used = records.usage(tenantId);
    if (used + sizeBytes > quota) {
      throw Rejection.of(
          Rejection.Kind.TOO_LARGE,
          "The tenant's files may take "
              + Sizes.readable(quota)
              + "; "
              + Sizes.readable(Math.max(0, quota - used))
              + " are left.");
    }
  }

  private void deleteQuietly(String store, String key) {
    try {
      bytes.delete(store, key);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Bytes of an upload that was not kept remain in store " + store, e);
    }
  }

  private void ingest(UUID tenantId, UUID fileId, int version) {
    jobs.enqueue(
        tenantId,
        INGESTION,
        Json.createObjectBuilder()
            .add("fileId", fileId.toString())
            .add("version", version)
            .build()
            .toString(),
        Instant.now());
  }

  private FolderView folderOf(UUID organizationId, UUID folderId) {
    if (folderId == null) {
      return null;
    }
    return records
        .folder(folderId)
        .filter(folder -> folder.organizationId().equals(organizationId))
        .orElseThrow(() -> Rejection.invalid("folder", "No folder with this id here."));
  }

  /** A live file the caller may read; otherwise not found. */
  private FileView readable(Caller caller, UUID fileId) {
    FileView file = records.find(fileId).orElseThrow(FileService::notFound);
    Role role = roleIn(caller, file);
    if (file.deletedAt() != null || !records.readable(fileId, caller.userId(), seesAll(role))) {
      throw notFound();
    }
    return file;
  }

  /** A file the caller may read and change: its owner or an admin of its organization. */
  private FileView changeable(Caller caller, UUID fileId, boolean binned) {
    FileView file = records.find(fileId).orElseThrow(FileService::notFound);
    Role role = roleIn(caller, file);
    if ((file.deletedAt() != null && !binned)
        || !records.readable(fileId, caller.userId(), seesAll(role))) {
      throw notFound();
    }
    if (!mayChange(caller, role, file)) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN,
          "Only the file's owner and the organization's admins may change it.");
    }
    return file;
  }

  private Role roleIn(Caller caller, FileView file) {
    try {
      return authorization.organization(caller, file.organizationId(), Permission.VIEW);
    } catch (Rejection outside) {
      throw notFound();
    }
  }

  private static boolean mayChange(Caller caller, Role role, FileView file) {
    return seesAll(role) || caller.userId().equals(file.ownerId());
  }

  private static boolean seesAll(Role role) {
    return role.atLeast(Role.ADMIN);
  }

  private static Rejection notFound() {
    return Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
  }

  private void record(Caller caller, Action action, UUID fileId, String detail) {
    audit.record(
        caller.tenantId(),
        caller.userId(),
        action,
        "file " + fileId + (detail == null ? "" : ": " + detail),
        null);
  }
}
