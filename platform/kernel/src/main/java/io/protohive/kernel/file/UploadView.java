package io.protohive.kernel.file;

import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload: how many of its bytes arrived and, once all did, the file they became.
 *
 * @param folderId {@code null} for the top of the organization
 * @param fileId {@code null} until the upload is complete
 */
public record UploadView(
    UUID id,
    UUID organizationId,
    UUID folderId,
    String name,
    long lengthBytes,
    long offsetBytes,
    UUID fileId,
    Instant createdAt,
    Instant expiresAt) {

  /** Whether every byte arrived and became a file. */
  public boolean complete() {
    return fileId != null;
  }
}
