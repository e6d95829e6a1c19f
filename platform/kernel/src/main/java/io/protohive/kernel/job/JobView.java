package io.protohive.kernel.job;

import java.time.Instant;
import java.util.UUID;

/** A job as platform admins see it. */
public record JobView(
    UUID id,
    UUID tenantId,
    String kind,
    String payload,
    String status,
    int attempts,
    int maxAttempts,
    Instant runAt,
    String lockedBy,
    Instant lockedUntil,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {}
