package io.protohive.kernel.task;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import io.protohive.kernel.agent.WorkLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantBound;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database work of an agent's session on a task, each piece in a short transaction of its own,
 * so that no transaction stays open while the model thinks. Every step the agent takes is appended
 * to the task's work log in the same transaction as its effect on tasks and comments, so a session
 * that dies half-way resumes from the last step and never repeats one.
 */
@ApplicationScoped
public class TaskSteps {

  @Inject TaskStore store;
  @Inject AgentService agents;
  @Inject TaskService tasks;
  @Inject TaskEvents events;
  @Inject WebhookEvents webhooks;

  /**
   * What a session starts from.
   *
   * @param log the agent's work on the task so far
   * @param news what happened since the agent last looked, or {@code null} for nothing
   * @param reports the agents that report to the assignee, by name
   * @param openedAt when the session read the task, its subtasks and the news
   */
  record Session(
      UUID tenantId,
      TaskView task,
      AgentView agent,
      Caller caller,
      List<ChatMessage> log,
      String news,
      List<AgentView> reports,
      boolean heldForApproval,
      Instant openedAt)
      implements TenantBound {}

  /**
   * Whether the job's session takes the task: not while another session works on it, since a second
   * one would read a log and subtasks the first is still changing, and both would finish the task.
   */
  @Transactional
  @InTenant
  boolean hold(@TenantId UUID tenantId, UUID taskId, UUID jobId) {
    return store.holdSession(taskId, jobId);
  }

  /** The session to run, or none when the task needs no agent now. */
  @Transactional
  @InTenant
  Optional<Session> open(@TenantId UUID tenantId, UUID taskId, boolean due) {
    Instant openedAt = Instant.now();
    TaskView task = store.find(taskId).orElse(null);
    if (task == null
        || task.assigneeAgentId() == null
        || task.status().closed()
        || task.status() == TaskStatus.BACKLOG) {
      return Optional.empty();
    }
    TaskStore.Work work = store.work(taskId);
    Caller caller = new Caller(work.actingUserId(), tenantId);
    AgentView agent = agents.get(caller, task.assigneeAgentId());
    List<AgentView> reports =
        agents.list(caller, task.organizationId()).stream()
            .filter(a -> agent.id().equals(a.managerId()))
            .toList();
    boolean held = store.approvals(taskId).stream().anyMatch(a -> "PENDING".equals(a.status()));
    return Optional.of(
        new Session(
            tenantId,
            task,
            agent,
            caller,
            WorkLog.steps(work.workLog()),
            news(task, work.briefedAt(), due, caller, agent.id()),
            reports,
            held,
            openedAt));
  }

  /** Appends the agent's steps to the task's work log; the news in them is now briefed. */
  @Transactional
  @InTenant
  void append(@TenantId UUID tenantId, UUID taskId, List<ChatMessage> steps, boolean briefed) {
    TaskStore.Work work = store.work(taskId);
    List<ChatMessage> log = WorkLog.steps(work.workLog());
    log.addAll(steps);
    store.saveWork(taskId, WorkLog.json(log), briefed ? Instant.now() : work.briefedAt());
  }

  @Transactional
  @InTenant
  ToolExecutionResultMessage comment(Session session, String content, ToolExecutionRequest call) {
    lockFirst(session);
    postComment(session, content);
    ToolExecutionResultMessage result = ToolExecutionResultMessage.from(call, "Comment posted.");
    append(session.tenantId(), session.task().id(), List.of(result), false);
    return result;
  }

  /**
   * Locks the task's row before a step writes rows that refer to it (a subtask, a comment, an
   * approval): each such row takes a key-share lock on the task, and the step's later update of the
   * task (its log, its status) would wait on a subtask's completion waiting to lock the task, which
   * waits on the step: a deadlock.
   */
  private void lockFirst(Session session) {
    store.lock(session.task().id());
  }

  private void postComment(Session session, String content) {
    CommentView comment =
        store.addComment(
            session.tenantId(), session.task().id(), "AGENT", session.agent().id(), content);
    events.publish(
        new TaskEvent(
            session.tenantId(),
            session.task().organizationId(),
            session.task().id(),
            "task.comment",
            TaskJson.of(comment)));
  }

  /** A subtask for one of the agent's reports, who starts on it at once. */
  @Transactional
  @InTenant
  ToolExecutionResultMessage delegate(
      Session session,
      String title,
      String description,
      String assignee,
      ToolExecutionRequest call) {
    lockFirst(session);
    AgentView report =
        session.reports().stream()
            .filter(a -> a.name().equalsIgnoreCase(assignee == null ? "" : assignee.strip()))
            .findFirst()
            .orElse(null);
    String result;
    if (report == null) {
      result =
          "Not delegated: "
              + assignee
              + " does not report to you. Your reports: "
              + String.join(", ", session.reports().stream().map(AgentView::name).toList())
              + ".";
    } else if (title == null || title.isBlank()) {
      result = "Not delegated: give the subtask a title.";
    } else {
      TaskView subtask =
          store.insert(
              session.tenantId(),
              session.task().organizationId(),
              new TaskDraft(
                  title.strip(),
                  description == null ? "" : description,
                  TaskStatus.TODO,
                  session.task().priority(),
                  report.id(),
                  null,
                  session.task().id(),
                  null),
              TaskStatus.TODO,
              session.task().priority(),
              "AGENT",
              session.agent().id(),
              session.caller().userId());
      tasks.announceNew(session.tenantId(), subtask);
      tasks.wakeAssignee(session.tenantId(), subtask, null);
      result = "Subtask \"" + subtask.title() + "\" is now " + report.name() + "'s.";
    }
    ToolExecutionResultMessage message = ToolExecutionResultMessage.from(call, result);
    append(session.tenantId(), session.task().id(), List.of(message), false);
    return message;
  }

  /**
   * The task is done with the agent's result; once every subtask of its parent is closed, the
   * parent's agent wakes up to combine them.
   */
  @Transactional
  @InTenant
  void complete(Session session, String result, List<ChatMessage> steps) {
    TaskView task = store.lock(session.task().id()).orElseThrow();
    if (task.status().closed()) {
      // a person closed it while the agent worked: it stays as they left it
      append(session.tenantId(), task.id(), steps, false);
      return;
    }
    TaskView done = task.finished(TaskStatus.DONE, result);
    store.update(done);
    append(session.tenantId(), task.id(), steps, false);
    TaskView saved = store.find(task.id()).orElseThrow();
    tasks.announce(session.tenantId(), saved);
    tasks.announceDone(session.tenantId(), saved);
    if (task.parentId() != null) {
      TaskView parent = store.lock(task.parentId()).orElseThrow();
      if (store.subtasks(parent.id()).stream().allMatch(sub -> sub.status().closed())) {
        tasks.wakeAssignee(session.tenantId(), parent, null);
      }
    }
  }

  /**
   * The agent cannot go on: its manager takes the task over, starting afresh with the task's
   * comments; an agent without a manager leaves the task blocked for a person.
   */
  @Transactional
  @InTenant
  void escalate(Session session, String reason, ToolExecutionResultMessage step) {
    AgentView agent = session.agent();
    AgentView manager = null;
    if (agent.managerId() != null) {
      try {
        manager = agents.get(session.caller(), agent.managerId());
      } catch (Rejection gone) {
        manager = null;
      }
    }
    if (manager == null) {
      block(session, agent.name() + " asks for help: " + reason, List.of(step));
      return;
    }
    TaskView task = store.lock(session.task().id()).orElseThrow();
    if (task.status().closed()) {
      append(session.tenantId(), task.id(), List.of(step), false);
      return;
    }
    TaskView handedOver = task.assignedTo(manager.id(), TaskStatus.TODO);
    store.update(handedOver);
    store.saveWork(task.id(), "[]", null);
    store.addComment(
        session.tenantId(),
        task.id(),
        "SYSTEM",
        null,
        agent.name() + " escalated to " + manager.name() + ": " + reason);
    TaskView saved = store.find(task.id()).orElseThrow();
    tasks.announce(session.tenantId(), saved);
    tasks.wakeAssignee(session.tenantId(), saved, null);
  }

  /** The agent cannot go on: the task is blocked with the reason, for a person to look at. */
  @Transactional
  @InTenant
  void block(Session session, String reason, List<ChatMessage> steps) {
    lockFirst(session);
    store.addComment(session.tenantId(), session.task().id(), "SYSTEM", null, reason);
    status(session, TaskStatus.BLOCKED);
    append(session.tenantId(), session.task().id(), steps, false);
  }

  /**
   * The agent's answer ends the session: done when nothing is open and the agent read how its
   * subtasks ended, else a progress note. Subtasks that ended after the session read them wake the
   * agent again to read their results; a task another session finished meanwhile stays as it is.
   */
  @Transactional
  @InTenant
  void answered(Session session, String text, List<ChatMessage> steps) {
    UUID taskId = session.task().id();
    if (store.lock(taskId).orElseThrow().status().closed()) {
      append(session.tenantId(), taskId, steps, false);
      return;
    }
    List<TaskView> subtasks = store.subtasks(taskId);
    boolean open = subtasks.stream().anyMatch(sub -> !sub.status().closed());
    boolean unread = subtasks.stream().anyMatch(sub -> sub.updatedAt().isAfter(session.openedAt()));
    if (open || unread) {
      postComment(session, text);
      append(session.tenantId(), taskId, steps, false);
      status(session, TaskStatus.IN_PROGRESS);
      if (!open) {
        tasks.wakeAssignee(session.tenantId(), store.find(taskId).orElseThrow(), null);
      }
    } else {
      complete(session, text, steps);
    }
  }

  /** The agent's work changes the task's status, unless a person closed the task meanwhile. */
  @Transactional
  @InTenant
  void status(Session session, TaskStatus status) {
    TaskView task = store.lock(session.task().id()).orElseThrow();
    if (task.status() != status && !task.status().closed()) {
      store.update(task.withStatus(status));
      tasks.announce(session.tenantId(), store.find(task.id()).orElseThrow());
    }
  }

  /**
   * Holds a tool call for a person's approval, unless an approval it has not used yet waits for a
   * decision; the task waits.
   */
  @Transactional
  @InTenant
  void hold(Session session, String toolId, String callId, String arguments) {
    lockFirst(session);
    if (approvalOf(session, toolId, callId, arguments).isEmpty()) {
      ApprovalView approval =
          store.addApproval(
              session.tenantId(),
              session.task().id(),
              session.agent().id(),
              toolId,
              callId,
              arguments,
              ArgumentsDigest.of(arguments));
      events.publish(
          new TaskEvent(
              session.tenantId(),
              session.task().organizationId(),
              session.task().id(),
              "approval.requested",
              TaskJson.of(approval)));
      webhooks.emit(
          session.tenantId(),
          session.task().organizationId(),
          WebhookEvents.APPROVAL_REQUESTED,
          TaskJson.object(approval));
    }
    status(session, TaskStatus.WAITING_FOR_APPROVAL);
  }

  /** The approval a tool call has not used yet, bound to its id, tool and arguments. */
  @Transactional
  @InTenant
  Optional<ApprovalView> approvalOf(
      Session session, String toolId, String callId, String arguments) {
    return store.openApproval(
        session.task().id(), session.agent().id(), callId, toolId, ArgumentsDigest.of(arguments));
  }

  /**
   * Uses a decision for the call it was held for; false when another session used it first. The
   * decision is used before the tool runs, so no call runs twice on one approval, even when a node
   * dies while the tool runs (the call then waits for a new approval).
   */
  @Transactional
  @InTenant
  boolean use(Session session, ApprovalView approval, String callId) {
    return store.use(
        approval.id(), callId, approval.toolId(), ArgumentsDigest.of(approval.arguments()));
  }

  /** What the agent has not seen yet: the brief, people's comments, its subtasks' outcomes. */
  private String news(TaskView task, Instant briefedAt, boolean due, Caller caller, UUID agentId) {
    StringBuilder news = new StringBuilder();
    if (briefedAt == null) {
      news.append("Your task: ").append(task.title()).append('\n');
      if (!task.description().isBlank()) {
        news.append(task.description()).append('\n');
      }
      news.append("Priority: ").append(task.priority().name().toLowerCase());
      if (task.dueAt() != null) {
        news.append(", due ").append(task.dueAt());
      }
      news.append('\n');
    }
    List<CommentView> said =
        store.comments(task.id()).stream()
            .filter(c -> !("AGENT".equals(c.authorKind()) && agentId.equals(c.authorId())))
            .filter(c -> briefedAt == null || c.createdAt().isAfter(briefedAt))
            .toList();
    if (!said.isEmpty()) {
      news.append("\nComments:\n");
      said.forEach(
          c ->
              news.append("- ")
                  .append(author(caller, c))
                  .append(": ")
                  .append(c.content())
                  .append('\n'));
    }
    List<TaskView> subtasks = store.subtasks(task.id());
    boolean subtaskNews =
        subtasks.stream().anyMatch(s -> briefedAt == null || s.updatedAt().isAfter(briefedAt));
    if (!subtasks.isEmpty() && subtaskNews) {
      news.append("\nYour subtasks:\n");
      for (TaskView subtask : subtasks) {
        news.append("- ")
            .append(subtask.title())
            .append(" (")
            .append(agentName(caller, subtask.assigneeAgentId()))
            .append("): ")
            .append(subtask.status().name().toLowerCase().replace('_', ' '));
        if (subtask.result() != null) {
          news.append(" - ").append(subtask.result());
        }
        news.append('\n');
      }
    }
    if (due && task.dueAt() != null && !task.dueAt().isAfter(Instant.now())) {
      news.append("\nThe task is due now.\n");
    }
    return news.isEmpty() ? null : news.toString().strip();
  }

  private String author(Caller caller, CommentView comment) {
    return switch (comment.authorKind()) {
      case "USER" -> "A person";
      case "AGENT" -> agentName(caller, comment.authorId());
      default -> "ProtoHive";
    };
  }

  private String agentName(Caller caller, UUID agentId) {
    if (agentId == null) {
      return "a person";
    }
    try {
      return agents.get(caller, agentId).name();
    } catch (Rejection gone) {
      return "a former agent";
    }
  }
}
