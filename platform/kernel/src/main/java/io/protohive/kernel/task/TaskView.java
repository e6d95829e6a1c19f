package io.protohive.kernel.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A task of an organization.
 *
 * @param assigneeAgentId, assigneeUserId at most one of them set
 * @param reporterKind {@code USER} or {@code AGENT}: who asked for it
 * @param result what the assignee produced, once done
 */
public record TaskView(
    UUID id,
    UUID organizationId,
    UUID parentId,
    String title,
    String description,
    TaskStatus status,
    TaskPriority priority,
    UUID assigneeAgentId,
    UUID assigneeUserId,
    String reporterKind,
    UUID reporterId,
    Instant dueAt,
    String result,
    Instant createdAt,
    Instant updatedAt) {}
