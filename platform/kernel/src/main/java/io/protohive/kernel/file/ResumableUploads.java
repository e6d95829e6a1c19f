package io.protohive.kernel.file;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads that arrive in several requests and go on after an interruption (the tus protocol's
 * model). Creating one checks, before any byte, what an upload is checked for: that the caller may
 * upload there, the name, the size limit and the quota. Each request appends at the offset the
 * upload has; once every byte arrived they become a file through {@link FileService#upload}, as a
 * file uploaded at once does. An upload is its creator's alone: to anyone else it does not exist.
 * Whatever its state, it is deleted with its bytes when it expires ({@link #EXPIRY}).
 */
@ApplicationScoped
public class ResumableUploads {

  /** The job that deletes an upload and its bytes once it expired. */
  public static final String EXPIRY = "file.upload.expire";

  static final String NOT_FOUND = "No upload with this id.";

  /** A claim older than this is taken to be of a request whose node died while it received. */
  static final Duration CLAIM = Duration.ofHours(1);

  /** A request stops receiving well before another could take its claim over. */
  static final Duration RECEIVING = Duration.ofMinutes(50);

  @Inject ResumableUploads self;
  @Inject UploadRecords records;
  @Inject FileService files;
  @Inject UploadSpool spool;
  @Inject FileLimits limits;
  @Inject Jobs jobs;
  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * A request's hold on an upload while it receives bytes.
   *
   * @param id {@code null} for a complete upload, which receives nothing
   */
  public record Claim(UploadView upload, UUID id) {}

  /**
   * A new upload of {@code lengthBytes} bytes into the organization's folder ({@code null}: the
   * top), expiring after {@link FileLimits#uploadExpiryHours()}.
   */
  @Transactional
  @InTenant
  public UploadView create(
      Caller caller, UUID organizationId, UUID folderId, String name, long lengthBytes) {
    files.mayUpload(caller, organizationId, folderId);
    String checked = FileNames.check("filename", name);
    if (lengthBytes <= 0) {
      throw Rejection.invalid(
          "Upload-Length", "The file is empty; an upload has at least one byte.");
    }
    files.requireRoom(caller.tenantId(), lengthBytes);
    Instant now = FileRecords.now();
    UploadView upload =
        new UploadView(
            UUID.randomUUID(),
            organizationId,
            folderId,
            checked,
            lengthBytes,
            0,
            null,
            now,
            now.plus(Duration.ofHours(limits.uploadExpiryHours())));
    records.insert(upload, caller.tenantId(), caller.userId());
    jobs.enqueue(caller.tenantId(), EXPIRY, payload(upload.id()), upload.expiresAt());
    spool.startPart(upload.id());
    AfterCommit.unlessCommitted(transactions, () -> spool.deletePart(upload.id()));
    return upload;
  }

  /** The caller's own unexpired upload; any other answers as not found. */
  @Transactional
  @InTenant
  public UploadView get(Caller caller, UUID uploadId) {
    return own(caller, records.find(uploadId)).upload();
  }

  /**
   * Appends one request's bytes at {@code offset}, which must be the upload's own; once every byte
   * arrived they become a file. No transaction is open while the bytes arrive; a second request for
   * the same upload meanwhile is refused. When the sender is cut off, what arrived counts.
   *
   * @param contentLength the bytes the request announces, if it does
   * @return the upload after the request, with its file once it is complete
   */
  public UploadView append(
      Caller caller, UUID uploadId, long offset, Long contentLength, InputStream content) {
    Claim claim = self.claim(caller, uploadId, offset, contentLength);
    if (claim.id() == null) {
      return claim.upload();
    }
    UploadView upload = claim.upload();
    long appended;
    try {
      appended =
          UploadSpool.append(
              spool.part(uploadId),
              offset,
              content,
              upload.lengthBytes() - offset,
              System.nanoTime() + RECEIVING.toNanos());
    } catch (IOException e) {
      self.release(caller, claim, 0);
      throw new UncheckedIOException("a resumable upload's bytes cannot be kept", e);
    } catch (Rejection gone) {
      if (gone.kind() == Rejection.Kind.NOT_FOUND) {
        // its bytes are gone (terminated meanwhile, or the data folder lost them): so is the upload
        self.discard(caller, uploadId);
      } else {
        self.release(caller, claim, 0);
      }
      throw gone;
    } catch (RuntimeException e) {
      self.release(caller, claim, 0);
      throw e;
    }
    UploadView advanced = self.release(caller, claim, appended);
    if (advanced.offsetBytes() < advanced.lengthBytes()) {
      return advanced;
    }
    try {
      return self.complete(caller, uploadId);
    } catch (Rejection refused) {
      // the bytes cannot become a file (a program, the quota used up meanwhile): the upload ends
      self.discard(caller, uploadId);
      throw refused;
    }
  }

  /**
   * Claims the upload for a request that sends bytes from {@code offset}.
   *
   * @throws Rejection conflict when the offset is not the upload's or another request holds it
   */
  @Transactional
  @InTenant
  public Claim claim(Caller caller, UUID uploadId, long offset, Long contentLength) {
    UploadRecords.Row row = own(caller, records.lock(uploadId));
    UploadView upload = row.upload();
    if (offset != upload.offsetBytes()) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "The upload has "
              + upload.offsetBytes()
              + " bytes; send the next ones from that offset.");
    }
    if (upload.complete()) {
      return new Claim(upload, null);
    }
    Instant now = Instant.now();
    if (row.claim() != null && row.claimedAt().isAfter(now.minus(CLAIM))) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "Another request is sending bytes of this upload; ask for its offset once it ended.");
    }
    if (contentLength != null && contentLength > upload.lengthBytes() - offset) {
      throw Rejection.of(
          Rejection.Kind.TOO_LARGE,
          "The upload lacks " + (upload.lengthBytes() - offset) + " bytes; send no more.");
    }
    UUID id = UUID.randomUUID();
    records.claim(uploadId, id, now);
    return new Claim(upload, id);
  }

  /** Counts the bytes a claiming request appended and ends its claim. */
  @Transactional
  @InTenant
  public UploadView release(Caller caller, Claim claim, long appended) {
    UUID uploadId = claim.upload().id();
    UploadRecords.Row row = records.lock(uploadId).orElseThrow(ResumableUploads::notFound);
    if (!claim.id().equals(row.claim())) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "Another request took this upload over; ask for its offset and go on from there.");
    }
    long offset = claim.upload().offsetBytes() + appended;
    records.advance(uploadId, offset);
    UploadView upload = row.upload();
    return new UploadView(
        upload.id(),
        upload.organizationId(),
        upload.folderId(),
        upload.name(),
        upload.lengthBytes(),
        offset,
        upload.fileId(),
        upload.createdAt(),
        upload.expiresAt());
  }

  /** Stores the whole bytes of the upload as a new file, once; the upload names it. */
  @Transactional
  @InTenant
  public UploadView complete(Caller caller, UUID uploadId) {
    UploadView upload = own(caller, records.lock(uploadId)).upload();
    if (upload.complete()) {
      return upload;
    }
    if (upload.offsetBytes() != upload.lengthBytes()) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "The upload still lacks bytes.");
    }
    SpooledUpload whole = spool.adopt(spool.part(uploadId), upload.name());
    FileView file =
        files.upload(caller, upload.organizationId(), upload.folderId(), upload.name(), whole);
    records.finish(uploadId, file.id());
    AfterCommit.run(transactions, whole::close);
    return new UploadView(
        upload.id(),
        upload.organizationId(),
        upload.folderId(),
        upload.name(),
        upload.lengthBytes(),
        upload.offsetBytes(),
        file.id(),
        upload.createdAt(),
        upload.expiresAt());
  }

  /** Ends the caller's upload and deletes its bytes; a file it became stays. */
  @Transactional
  @InTenant
  public void terminate(Caller caller, UUID uploadId) {
    own(caller, records.lock(uploadId));
    forget(uploadId);
  }

  /** Ends the caller's upload that cannot become a file, if it is still there. */
  @Transactional
  @InTenant
  public void discard(Caller caller, UUID uploadId) {
    records
        .lock(uploadId)
        .filter(row -> row.createdBy().equals(caller.userId()))
        .ifPresent(row -> forget(uploadId));
  }

  /** Deletes an upload and its bytes once it expired; one already gone leaves no bytes either. */
  @Transactional
  @InTenant
  public void expireIfDue(@TenantId UUID tenantId, UUID uploadId) {
    Optional<UploadRecords.Row> row = records.lock(uploadId);
    if (row.isEmpty()) {
      AfterCommit.run(transactions, () -> spool.deletePart(uploadId));
    } else if (!row.get().upload().expiresAt().isAfter(Instant.now())) {
      forget(uploadId);
    }
  }

  /** The payload of the job that expires the upload. */
  static String payload(UUID uploadId) {
    return Json.createObjectBuilder().add("uploadId", uploadId.toString()).build().toString();
  }

  private void forget(UUID uploadId) {
    records.delete(uploadId);
    AfterCommit.run(transactions, () -> spool.deletePart(uploadId));
  }

  private static UploadRecords.Row own(Caller caller, Optional<UploadRecords.Row> row) {
    Instant now = Instant.now();
    return row.filter(
            r -> r.createdBy().equals(caller.userId()) && r.upload().expiresAt().isAfter(now))
        .orElseThrow(ResumableUploads::notFound);
  }

  private static Rejection notFound() {
    return Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
  }
}
