package io.protohive.kernel.task;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.agent.AgentStops;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Tasks of an organization, for its members. An agent assigned to a task wakes up to work on it
 * when it is assigned, when a person comments, when an approval is decided and when its subtasks
 * are done: each is a job on the durable queue, so no agent polls and no work is lost.
 */
@ApplicationScoped
public class TaskService {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 20_000;
  static final int BOARD_LIMIT = 500;
  private static final String NOT_FOUND = "No task with this id in your organizations.";

  @Inject TaskStore store;
  @Inject Authorization authorization;
  @Inject OrganizationService organizations;
  @Inject AgentService agents;
  @Inject TaskEvents events;
  @Inject Jobs jobs;
  @Inject AuditLog audit;
  @Inject AgentStops stops;
  @Inject WebhookEvents webhooks;

  @Transactional
  @InTenant
  public TaskView create(Caller caller, UUID organizationId, TaskDraft draft) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    if (draft == null) {
      throw Rejection.invalid("title", "Give the task a title.");
    }
    text("title", draft.title(), MAX_TITLE);
    if (draft.description() != null && draft.description().length() > MAX_TEXT) {
      throw Rejection.invalid("description", "A description has at most 20,000 characters.");
    }
    assignee(caller, organizationId, draft.assigneeAgentId(), draft.assigneeUserId());
    if (draft.parentId() != null) {
      TaskView parent =
          store
              .find(draft.parentId())
              .filter(found -> found.organizationId().equals(organizationId))
              .orElseThrow(
                  () -> Rejection.invalid("parentId", "The parent is a task of the organization."));
      if (parent.status().closed()) {
        throw Rejection.invalid("parentId", "The parent task is closed.");
      }
    }
    boolean assigned = draft.assigneeAgentId() != null || draft.assigneeUserId() != null;
    TaskStatus status =
        draft.status() != null ? draft.status() : assigned ? TaskStatus.TODO : TaskStatus.BACKLOG;
    TaskView task =
        store.insert(
            caller.tenantId(),
            organizationId,
            draft,
            status,
            draft.priority() == null ? TaskPriority.MEDIUM : draft.priority(),
            "USER",
            caller.userId(),
            caller.userId());
    announceNew(caller.tenantId(), task);
    wakeAssignee(caller.tenantId(), task, draft.dueAt());
    return task;
  }

  /** The organization's tasks for its board: the most recently changed first, at most 500. */
  @Transactional
  @InTenant
  public List<TaskView> board(Caller caller, UUID organizationId) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    return store.board(organizationId, BOARD_LIMIT);
  }

  /**
   * A page of the organization's tasks, newest first: ordered by creation, which never changes, so
   * a walk through the pages meets every task once.
   */
  @Transactional
  @InTenant
  public Page<TaskView> list(Caller caller, UUID organizationId, Integer limit, String cursor) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(
        store.inOrganization(organizationId, page), task -> Cursor.of(task.createdAt(), task.id()));
  }

  @Transactional
  @InTenant
  public TaskDetails get(Caller caller, UUID taskId) {
    TaskView task = visible(caller, taskId);
    return new TaskDetails(
        task,
        store.subtasks(taskId),
        store.comments(taskId),
        store.approvals(taskId),
        Json.createReader(new StringReader(store.work(taskId).workLog())).readArray());
  }

  @Transactional
  @InTenant
  public TaskView update(Caller caller, UUID taskId, TaskChange change) {
    TaskView current = visible(caller, taskId);
    if (change == null) {
      throw Rejection.invalid("body", "Send the fields to change.");
    }
    if (change.title() != null) {
      text("title", change.title(), MAX_TITLE);
    }
    if (change.description() != null && change.description().length() > MAX_TEXT) {
      throw Rejection.invalid("description", "A description has at most 20,000 characters.");
    }
    boolean clear = Boolean.TRUE.equals(change.clearAssignee());
    boolean reassigned =
        clear || change.assigneeAgentId() != null || change.assigneeUserId() != null;
    UUID agent = clear ? null : current.assigneeAgentId();
    UUID user = clear ? null : current.assigneeUserId();
    if (change.assigneeAgentId() != null || change.assigneeUserId() != null) {
      assignee(caller, current.organizationId(), change.assigneeAgentId(), change.assigneeUserId());
      agent = change.assigneeAgentId();
      user = change.assigneeUserId();
    }
    if (change.status() == TaskStatus.WAITING_FOR_APPROVAL) {
      throw Rejection.invalid("status", "Only an agent's action waits for approval.");
    }
    TaskView changed =
        new TaskView(
            current.id(),
            current.organizationId(),
            current.parentId(),
            change.title() == null ? current.title() : change.title().strip(),
            change.description() == null ? current.description() : change.description(),
            change.status() == null ? current.status() : change.status(),
            change.priority() == null ? current.priority() : change.priority(),
            agent,
            user,
            current.reporterKind(),
            current.reporterId(),
            Boolean.TRUE.equals(change.clearDueAt())
                ? null
                : change.dueAt() == null ? current.dueAt() : change.dueAt(),
            current.result(),
            current.createdAt(),
            current.updatedAt());
    store.update(changed);
    if (changed.status().closed() && !current.status().closed()) {
      // the agent working on it, on whichever node, stops before its next step
      stops.request(taskId);
    }
    if (!Objects.equals(agent, current.assigneeAgentId())) {
      // a new agent starts afresh: the brief and the comments, not another agent's steps
      store.saveWork(taskId, "[]", null);
    }
    TaskView saved = store.find(taskId).orElseThrow();
    announce(caller.tenantId(), saved);
    if (saved.status() == TaskStatus.DONE && current.status() != TaskStatus.DONE) {
      announceDone(caller.tenantId(), saved);
    }
    boolean reopened = current.status() == TaskStatus.BACKLOG && !saved.status().closed();
    if (reassigned || reopened || change.dueAt() != null) {
      wakeAssignee(caller.tenantId(), saved, change.dueAt());
    }
    return saved;
  }

  @Transactional
  @InTenant
  public CommentView comment(Caller caller, UUID taskId, String content) {
    TaskView task = visible(caller, taskId);
    text("content", content, MAX_TEXT);
    CommentView comment =
        store.addComment(caller.tenantId(), taskId, "USER", caller.userId(), content.strip());
    events.publish(
        new TaskEvent(
            caller.tenantId(),
            task.organizationId(),
            taskId,
            "task.comment",
            TaskJson.of(comment)));
    wakeAssignee(caller.tenantId(), task, null);
    return comment;
  }

  @Transactional
  @InTenant
  public Page<ApprovalView> pendingApprovals(
      Caller caller, UUID organizationId, Integer limit, String cursor) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    PageRequest page = PageRequest.of(limit, cursor);
    return page.page(
        store.pendingApprovals(organizationId, page),
        approval -> Cursor.of(approval.createdAt(), approval.id()));
  }

  /** A person's decision on an agent's held action; admins and owners decide. */
  @Transactional
  @InTenant
  public ApprovalView decide(
      Caller caller, UUID approvalId, ApprovalDecision decision, String sourceAddress) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No approval with this id.");
    }
    ApprovalView approval =
        store
            .approval(approvalId)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No approval with this id."));
    TaskView task = visible(caller, approval.taskId());
    authorization.organization(caller, task.organizationId(), Permission.EDIT);
    if (decision == null || decision.approve() == null) {
      throw Rejection.invalid("approve", "Say true to approve or false to reject.");
    }
    if (decision.note() != null && decision.note().length() > 2_000) {
      throw Rejection.invalid("note", "A note has at most 2,000 characters.");
    }
    String arguments = decision.arguments() == null ? null : jsonObject(decision.arguments());
    if (!store.decide(
        approvalId,
        decision.approve(),
        arguments,
        ArgumentsDigest.of(arguments == null ? approval.arguments() : arguments),
        caller.userId(),
        decision.note())) {
      throw Rejection.of(Rejection.Kind.CONFLICT, "This approval was decided already.");
    }
    ApprovalView decided = store.approval(approvalId).orElseThrow();
    audit.record(
        caller.tenantId(),
        caller.userId(),
        decision.approve() ? AuditLog.Action.APPROVAL_GRANTED : AuditLog.Action.APPROVAL_REFUSED,
        "task "
            + task.id()
            + ", tool "
            + decided.toolId()
            + ", arguments "
            + decided.arguments()
            + (decision.note() == null ? "" : ", note: " + decision.note()),
        sourceAddress);
    store.addComment(
        caller.tenantId(),
        task.id(),
        "SYSTEM",
        null,
        (decision.approve() ? "Approved: " : "Rejected: ")
            + decided.toolId()
            + (decision.note() == null || decision.note().isBlank()
                ? ""
                : " - " + decision.note()));
    TaskView resumed = task.withStatus(TaskStatus.IN_PROGRESS);
    store.update(resumed);
    announce(caller.tenantId(), store.find(task.id()).orElseThrow());
    wakeAssignee(caller.tenantId(), task, null);
    return decided;
  }

  /**
   * Queues the assigned agent's work on the task now, unless some is already waiting to start, and
   * at its due time.
   */
  void wakeAssignee(UUID tenantId, TaskView task, Instant dueAt) {
    if (task.assigneeAgentId() == null
        || task.status().closed()
        || task.status() == TaskStatus.BACKLOG) {
      return;
    }
    Instant now = Instant.now();
    if (!store.workQueued(task.id())) {
      jobs.enqueue(
          tenantId,
          TaskWork.KIND,
          Json.createObjectBuilder().add("taskId", task.id().toString()).build().toString(),
          now);
    }
    if (dueAt != null && dueAt.isAfter(now)) {
      jobs.enqueue(
          tenantId,
          TaskWork.KIND,
          Json.createObjectBuilder()
              .add("taskId", task.id().toString())
              .add("due", true)
              .build()
              .toString(),
          dueAt);
    }
  }

  void announce(UUID tenantId, TaskView task) {
    events.publish(
        new TaskEvent(
            tenantId, task.organizationId(), task.id(), "task.updated", TaskJson.of(task)));
  }

  /** A task new on the board, for its boards and the organization's webhooks. */
  void announceNew(UUID tenantId, TaskView task) {
    announce(tenantId, task);
    webhooks.emit(
        tenantId, task.organizationId(), WebhookEvents.TASK_CREATED, TaskJson.object(task));
  }

  /** A task just done, by a person or its agent, for the organization's webhooks. */
  void announceDone(UUID tenantId, TaskView task) {
    webhooks.emit(
        tenantId, task.organizationId(), WebhookEvents.TASK_COMPLETED, TaskJson.object(task));
  }

  private void assignee(Caller caller, UUID organizationId, UUID agentId, UUID userId) {
    if (agentId != null && userId != null) {
      throw Rejection.invalid("assigneeAgentId", "Assign an agent or a person, not both.");
    }
    if (agentId != null
        && agents.list(caller, organizationId).stream()
            .map(AgentView::id)
            .noneMatch(agentId::equals)) {
      throw Rejection.invalid("assigneeAgentId", "The assignee is an agent of the organization.");
    }
    if (userId != null
        && organizations.members(caller, organizationId).stream()
            .noneMatch(member -> member.userId().equals(userId))) {
      throw Rejection.invalid("assigneeUserId", "The assignee is a member of the organization.");
    }
  }

  private TaskView visible(Caller caller, UUID taskId) {
    requireTenant(caller);
    TaskView task =
        store.find(taskId).orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND));
    try {
      authorization.organization(caller, task.organizationId(), Permission.VIEW);
    } catch (Rejection e) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
    return task;
  }

  private static void requireTenant(Caller caller) {
    if (caller.tenantId() == null) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, NOT_FOUND);
    }
  }

  private static void text(String field, String value, int max) {
    if (value == null || value.isBlank() || value.length() > max) {
      throw Rejection.invalid(field, "Write 1 to " + max + " characters.");
    }
  }

  private static String jsonObject(String text) {
    try {
      JsonObject object = Json.createReader(new StringReader(text)).readObject();
      return object.toString();
    } catch (JsonException | IllegalStateException e) {
      throw Rejection.invalid("arguments", "The arguments are a JSON object.");
    }
  }
}
