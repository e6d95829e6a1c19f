package io.protohive.kernel.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to a task; {@code null} fields keep their value.
 *
 * @param clearAssignee leaves the task unassigned
 * @param clearDueAt removes the due date
 */
public record TaskChange(
    String title,
    String description,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeAgentId,
    UUID assigneeUserId,
    Boolean clearAssignee,
    Instant dueAt,
    Boolean clearDueAt) {}
