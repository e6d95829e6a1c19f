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
    Instant updatedAt) {

  /** The same task in another status. */
  public TaskView withStatus(TaskStatus status) {
    return with(status, assigneeAgentId, assigneeUserId, result);
  }

  /** The same task in another status, with a result. */
  public TaskView finished(TaskStatus status, String result) {
    return with(status, assigneeAgentId, assigneeUserId, result);
  }

  /** The same task, now an agent's to do. */
  public TaskView assignedTo(UUID agentId, TaskStatus status) {
    return with(status, agentId, null, result);
  }

  private TaskView with(TaskStatus status, UUID agentId, UUID userId, String result) {
    return new TaskView(
        id,
        organizationId,
        parentId,
        title,
        description,
        status,
        priority,
        agentId,
        userId,
        reporterKind,
        reporterId,
        dueAt,
        result,
        createdAt,
        updatedAt);
  }
}
