package io.protohive.kernel.routine;

import java.time.Instant;
import java.util.UUID;

/**
 * One firing of a routine.
 *
 * @param trigger {@code SCHEDULE}, {@code WEBHOOK} or {@code API}
 * @param dueAt the scheduled time it fired for; {@code null} for the other triggers
 * @param taskId the task it created; {@code null} when it could not create one
 * @param error why no task was created, or {@code null}
 */
public record RunView(
    UUID id,
    UUID routineId,
    String trigger,
    Instant dueAt,
    UUID taskId,
    String error,
    Instant createdAt) {}
