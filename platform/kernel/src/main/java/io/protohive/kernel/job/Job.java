package io.protohive.kernel.job;

import java.util.UUID;

/**
 * A claimed job.
 *
 * @param tenantId {@code null} for the platform's own jobs
 * @param payload JSON
 * @param attempts this one included
 * @param cause the W3C traceparent of the work that queued the job, {@code null} for none
 */
public record Job(
    UUID id,
    UUID tenantId,
    String kind,
    String payload,
    int attempts,
    int maxAttempts,
    String cause) {}
