package io.protohive.kernel.privacy;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.file.FileRecords;
import io.protohive.kernel.file.storage.EncryptedFiles;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A person's exports of their own data: asked for, built by {@link ExportBuilder}, downloaded by
 * them alone, and deleted by {@link ExportExpiry} after {@link #KEPT}. Anyone else, admins
 * included, finds no export: it holds one person's data, which is theirs to hand on.
 */
@ApplicationScoped
public class Exports {

  public static final String CONTENT_TYPE = "application/zip";

  /** How long a ready export can be downloaded: long enough to see the mail, short for a copy. */
  public static final Duration KEPT = Duration.ofDays(3);

  @Inject ExportRecords records;
  @Inject Jobs jobs;
  @Inject EncryptedFiles bytes;
  @Inject AuditLog audit;

  /** A ready export and how to read its ZIP. */
  public record ExportContent(ExportView export, EncryptedFiles.Reader reader) {}

  /** Queues an export of the caller's data; the person is mailed when it is ready. */
  @Transactional
  @InTenant
  public ExportView request(Caller caller, String address) {
    requirePerson(caller);
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    records.insert(id, caller.tenantId(), caller.userId(), now);
    jobs.enqueue(caller.tenantId(), ExportBuilder.KIND, payload(id), now);
    audit.record(
        caller.tenantId(),
        caller.userId(),
        Action.PERSONAL_DATA_EXPORT_REQUESTED,
        id.toString(),
        address);
    return records.find(id, caller.userId()).orElseThrow().view();
  }

  /** The caller's exports, newest first. */
  @Transactional
  @InTenant
  public List<ExportView> list(Caller caller) {
    requirePerson(caller);
    return records.ofUser(caller.userId()).stream().map(ExportRecords.Row::view).toList();
  }

  @Transactional
  @InTenant
  public ExportView get(Caller caller, UUID exportId) {
    return own(caller, exportId).view();
  }

  /** The ZIP of a ready export of the caller's. */
  @Transactional
  @InTenant
  public ExportContent content(Caller caller, UUID exportId, String address) {
    ExportRecords.Row row = own(caller, exportId);
    if (!row.view().ready()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This export is " + row.view().status().toLowerCase() + ", not ready to download.");
    }
    audit.record(
        caller.tenantId(),
        caller.userId(),
        Action.PERSONAL_DATA_EXPORT_DOWNLOADED,
        exportId.toString(),
        address);
    FileRecords.Stored stored = row.stored();
    return new ExportContent(
        row.view(), bytes.reader(caller.tenantId(), stored.store(), stored.key()));
  }

  /** An export still to be built, for its job; an export built or gone already is not. */
  @Transactional
  @InTenant
  Optional<ExportRecords.Row> queued(@TenantId UUID tenantId, UUID exportId) {
    return records.byId(exportId).filter(row -> "QUEUED".equals(row.view().status()));
  }

  /**
   * The export's ZIP is stored: it is offered until it expires.
   *
   * @return false when the export is gone meanwhile, its person erased: the ZIP is then the
   *     caller's to delete
   */
  @Transactional
  @InTenant
  boolean ready(@TenantId UUID tenantId, UUID exportId, String store, String key, long size) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Instant expires = now.plus(KEPT);
    if (!records.ready(exportId, store, key, size, now, expires)) {
      return false;
    }
    jobs.enqueue(tenantId, ExportExpiry.KIND, payload(exportId), expires);
    return true;
  }

  @Transactional
  @InTenant
  void failed(@TenantId UUID tenantId, UUID exportId) {
    records.status(exportId, "FAILED");
  }

  /** Marks the export expired; where its bytes lie, for the caller to delete after the commit. */
  @Transactional
  @InTenant
  Optional<FileRecords.Stored> expire(@TenantId UUID tenantId, UUID exportId) {
    Optional<ExportRecords.Row> row = records.byId(exportId);
    row.ifPresent(r -> records.status(exportId, "EXPIRED"));
    return row.map(ExportRecords.Row::stored);
  }

  static String payload(UUID exportId) {
    return Json.createObjectBuilder().add("exportId", exportId.toString()).build().toString();
  }

  static UUID exportOf(Job job) {
    return UUID.fromString(
        Json.createReader(new StringReader(job.payload())).readObject().getString("exportId"));
  }

  private ExportRecords.Row own(Caller caller, UUID exportId) {
    requirePerson(caller);
    return records
        .find(exportId, caller.userId())
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No export of yours with this id."));
  }

  /** Platform accounts belong to no tenant and keep no data of a person's. */
  static void requirePerson(Caller caller) {
    if (caller.tenantId() == null) {
      throw Rejection.of(
          Rejection.Kind.FORBIDDEN, "Only a tenant's people have personal data kept here.");
    }
  }
}
