package io.protohive.kernel.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's export of their data.
 *
 * @param status {@code QUEUED}, {@code READY}, {@code FAILED} or {@code EXPIRED}
 * @param sizeBytes the ZIP's size once ready, else {@code null}
 * @param expiresAt when the ZIP is deleted, once ready
 */
public record ExportView(
    UUID id, String status, Long sizeBytes, Instant createdAt, Instant readyAt, Instant expiresAt) {

  public boolean ready() {
    return "READY".equals(status);
  }
}
