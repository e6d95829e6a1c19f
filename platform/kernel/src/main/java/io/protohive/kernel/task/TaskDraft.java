package io.protohive.kernel.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A new task.
 *
 * @param status {@code null} for TODO when the task has an assignee, BACKLOG otherwise
 * @param priority {@code null} for MEDIUM
 */
public record TaskDraft(
    String title,
    String description,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeAgentId,
    UUID assigneeUserId,
    UUID parentId,
    Instant dueAt) {}
