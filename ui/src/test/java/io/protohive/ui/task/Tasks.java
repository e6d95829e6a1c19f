package io.protohive.ui.task;

import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization with an agent and two people, and its tasks, as the platform gives them. */
final class Tasks {

  static final UUID ORGANIZATION = UUID.randomUUID();
  static final UUID ME = UUID.randomUUID();
  static final UUID PAT = UUID.randomUUID();
  static final AgentView ADA =
      new AgentView(
          UUID.randomUUID(),
          ORGANIZATION,
          "Ada",
          "Chief executive officer",
          "You are Ada.",
          null,
          null,
          null,
          null,
          8,
          List.of(),
          "#5b21b6",
          Instant.EPOCH,
          Instant.EPOCH);
  static final TaskPeople PEOPLE =
      new TaskPeople(
          List.of(ADA),
          List.of(
              new MemberView(ME, "me@example.com", "Sam", Role.ADMIN, Instant.EPOCH),
              new MemberView(PAT, "pat@example.com", "Pat", Role.MEMBER, Instant.EPOCH)),
          ME);

  private Tasks() {}

  static TaskView task(String title, TaskStatus status, TaskPriority priority) {
    return task(title, status, priority, null, Instant.EPOCH);
  }

  /**
   * @param parent the task this one is part of, or {@code null}
   */
  static TaskView task(
      String title, TaskStatus status, TaskPriority priority, TaskView parent, Instant updatedAt) {
    return new TaskView(
        UUID.randomUUID(),
        ORGANIZATION,
        parent == null ? null : parent.id(),
        title,
        "",
        status,
        priority,
        null,
        null,
        "USER",
        ME,
        null,
        null,
        Instant.EPOCH,
        updatedAt);
  }

  static TaskView assignedTo(TaskView task, UUID agentId, UUID userId, Instant dueAt) {
    return new TaskView(
        task.id(),
        task.organizationId(),
        task.parentId(),
        task.title(),
        task.description(),
        task.status(),
        task.priority(),
        agentId,
        userId,
        task.reporterKind(),
        task.reporterId(),
        dueAt,
        task.result(),
        task.createdAt(),
        task.updatedAt());
  }
}
