package io.protohive.kernel.routine;

import java.time.Instant;
import java.util.UUID;

/**
 * Recurring work for an agent, without its inbound secret.
 *
 * @param cron a Unix cron expression (minute, hour, day of month, month, day of week), or {@code
 *     null} for a routine started only by its webhook or the API
 * @param timeZone where the schedule's hours are, such as {@code Europe/Berlin}
 * @param nextRunAt when the schedule fires next, {@code null} without a schedule or while paused
 */
public record RoutineView(
    UUID id,
    UUID organizationId,
    String name,
    UUID agentId,
    String titleTemplate,
    String descriptionTemplate,
    String cron,
    String timeZone,
    boolean enabled,
    Instant nextRunAt,
    Instant lastRunAt,
    Instant createdAt,
    Instant updatedAt) {}
