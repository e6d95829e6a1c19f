package io.protohive.kernel.task;

import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and writes tasks, comments and approvals. No access checks: callers bring them, the
 * transaction and the tenant scope.
 */
@ApplicationScoped
public class TaskStore {

  private static final String TASK_COLUMNS =
      "id, organization_id, parent_id, title, description, status, priority, assignee_agent_id,"
          + " assignee_user_id, reporter_kind, reporter_id, due_at, result, created_at,"
          + " updated_at";

  private static final String COMMENT_COLUMNS =
      "id, task_id, author_kind, author_id, content, created_at";

  /** Of {@code approval a}. */
  private static final String APPROVAL_COLUMNS =
      "a.id, a.task_id, a.agent_id, a.tool_id, a.arguments::text, a.status, a.decided_by,"
          + " a.decided_at, a.note, a.created_at";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** A task's place in its agent's work: the user it acts for and its work log so far. */
  record Work(UUID actingUserId, String workLog, Instant briefedAt) {}

  TaskView insert(
      UUID tenantId,
      UUID organizationId,
      TaskDraft draft,
      TaskStatus status,
      TaskPriority priority,
      String reporterKind,
      UUID reporterId,
      UUID actingUserId) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    entityManager
        .createNativeQuery(
            "insert into task (id, tenant_id, organization_id, parent_id, title, description,"
                + " status, priority, assignee_agent_id, assignee_user_id, reporter_kind,"
                + " reporter_id, acting_user_id, due_at, created_at, updated_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, organizationId)
        .setParameter(4, draft.parentId())
        .setParameter(5, draft.title())
        .setParameter(6, draft.description() == null ? "" : draft.description())
        .setParameter(7, status.name())
        .setParameter(8, priority.name())
        .setParameter(9, draft.assigneeAgentId())
        .setParameter(10, draft.assigneeUserId())
        .setParameter(11, reporterKind)
        .setParameter(12, reporterId)
        .setParameter(13, actingUserId)
        .setParameter(14, draft.dueAt() == null ? null : Timestamp.from(draft.dueAt()))
        .setParameter(15, Timestamp.from(now))
        .executeUpdate();
    return find(id).orElseThrow();
  }

  Optional<TaskView> find(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + TASK_COLUMNS + " from task where id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(TaskStore::task);
  }

  /** Locks the task's row until the transaction ends, then reads it. */
  Optional<TaskView> lock(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + TASK_COLUMNS + " from task where id = ?1 for update")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(TaskStore::task);
  }

  /**
   * The job's session takes the task, unless the job of another session still runs on it; a job
   * that holds it keeps it when it runs again after its node died.
   */
  boolean holdSession(UUID taskId, UUID jobId) {
    return entityManager
            .createNativeQuery(
                "update task set session_job = ?2 where id = ?1 and (session_job is null"
                    + " or session_job = ?2 or not exists (select 1 from job"
                    + " where job.id = task.session_job and job.status = 'RUNNING'))")
            .setParameter(1, taskId)
            .setParameter(2, jobId)
            .executeUpdate()
        == 1;
  }

  List<TaskView> board(UUID organizationId, int limit) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + TASK_COLUMNS
                    + " from task where organization_id = ?1"
                    + " order by updated_at desc, id limit ?2")
            .setParameter(1, organizationId)
            .setParameter(2, limit)
            .getResultList();
    return rows.stream().map(TaskStore::task).toList();
  }

  /** The organization's tasks, newest first, after the cursor. */
  List<TaskView> inOrganization(UUID organizationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + TASK_COLUMNS
                    + " from task where organization_id = ?1"
                    + page.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2)
                    + " order by created_at desc, id desc limit ?4")
            .setParameter(1, organizationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream().map(TaskStore::task).toList();
  }

  List<TaskView> subtasks(UUID parentId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + TASK_COLUMNS
                    + " from task where parent_id = ?1 order by created_at, id")
            .setParameter(1, parentId)
            .getResultList();
    return rows.stream().map(TaskStore::task).toList();
  }

  void update(TaskView task) {
    entityManager
        .createNativeQuery(
            "update task set title = ?2, description = ?3, status = ?4, priority = ?5,"
                + " assignee_agent_id = ?6, assignee_user_id = ?7, due_at = ?8, result = ?9,"
                + " updated_at = ?10, version = version + 1 where id = ?1")
        .setParameter(1, task.id())
        .setParameter(2, task.title())
        .setParameter(3, task.description())
        .setParameter(4, task.status().name())
        .setParameter(5, task.priority().name())
        .setParameter(6, task.assigneeAgentId())
        .setParameter(7, task.assigneeUserId())
        .setParameter(8, task.dueAt() == null ? null : Timestamp.from(task.dueAt()))
        .setParameter(9, task.result())
        .setParameter(10, Timestamp.from(now()))
        .executeUpdate();
  }

  Work work(UUID taskId) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select acting_user_id, work_log::text, briefed_at from task where id = ?1")
                .setParameter(1, taskId)
                .getSingleResult();
    return new Work((UUID) row[0], (String) row[1], instant(row[2]));
  }

  void saveWork(UUID taskId, String workLog, Instant briefedAt) {
    entityManager
        .createNativeQuery(
            "update task set work_log = cast(?2 as jsonb), briefed_at = ?3 where id = ?1")
        .setParameter(1, taskId)
        .setParameter(2, workLog)
        .setParameter(3, briefedAt == null ? null : Timestamp.from(briefedAt))
        .executeUpdate();
  }

  CommentView addComment(UUID tenantId, UUID taskId, String kind, UUID authorId, String content) {
    UUID id = UUID.randomUUID();
    Instant now = now();
    entityManager
        .createNativeQuery(
            "insert into task_comment (id, tenant_id, task_id, author_kind, author_id, content,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, taskId)
        .setParameter(4, kind)
        .setParameter(5, authorId)
        .setParameter(6, content)
        .setParameter(7, Timestamp.from(now))
        .executeUpdate();
    return new CommentView(id, taskId, kind, authorId, content, now);
  }

  List<CommentView> comments(UUID taskId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + COMMENT_COLUMNS
                    + " from task_comment where task_id = ?1 order by created_at, id")
            .setParameter(1, taskId)
            .getResultList();
    return rows.stream().map(TaskStore::comment).toList();
  }

  /**
   * Holds a tool call for a person's decision.
   *
   * @param requestDigest the {@link ArgumentsDigest} of the arguments as the agent gave them
   */
  ApprovalView addApproval(
      UUID tenantId,
      UUID taskId,
      UUID agentId,
      String toolId,
      String callId,
      String arguments,
      String requestDigest) {
    UUID id = UUID.randomUUID();
    entityManager
        .createNativeQuery(
            "insert into approval (id, tenant_id, task_id, agent_id, tool_id, call_id, arguments,"
                + " request_digest, status, created_at) values (?1, ?2, ?3, ?4, ?5, ?6,"
                + " cast(?7 as jsonb), ?9, 'PENDING', ?8)")
        .setParameter(1, id)
        .setParameter(2, tenantId)
        .setParameter(3, taskId)
        .setParameter(4, agentId)
        .setParameter(5, toolId)
        .setParameter(6, callId)
        .setParameter(7, arguments)
        .setParameter(8, Timestamp.from(now()))
        .setParameter(9, requestDigest)
        .executeUpdate();
    return approval(id).orElseThrow();
  }

  Optional<ApprovalView> approval(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery("select " + APPROVAL_COLUMNS + " from approval a where a.id = ?1")
            .setParameter(1, id)
            .getResultList();
    return rows.stream().findFirst().map(TaskStore::approval);
  }

  /**
   * The approval that a tool call has not used yet: held for this task's agent, this call id, this
   * tool and these arguments as the agent gave them ({@link ArgumentsDigest}).
   */
  Optional<ApprovalView> openApproval(
      UUID taskId, UUID agentId, String callId, String toolId, String requestDigest) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + APPROVAL_COLUMNS
                    + " from approval a where a.task_id = ?1 and a.agent_id = ?2"
                    + " and a.call_id = ?3 and a.tool_id = ?4 and a.request_digest = ?5"
                    + " and a.used_at is null order by a.created_at desc limit 1")
            .setParameter(1, taskId)
            .setParameter(2, agentId)
            .setParameter(3, callId)
            .setParameter(4, toolId)
            .setParameter(5, requestDigest)
            .getResultList();
    return rows.stream().findFirst().map(TaskStore::approval);
  }

  /**
   * Uses a decided approval for the call it was held for, once: false when it is undecided, used
   * already, or bound to another call, tool or arguments than {@code argumentsDigest}.
   */
  boolean use(UUID id, String callId, String toolId, String argumentsDigest) {
    return entityManager
            .createNativeQuery(
                "update approval set used_at = ?5 where id = ?1 and call_id = ?2 and tool_id = ?3"
                    + " and arguments_digest = ?4 and status <> 'PENDING' and used_at is null")
            .setParameter(1, id)
            .setParameter(2, callId)
            .setParameter(3, toolId)
            .setParameter(4, argumentsDigest)
            .setParameter(5, Timestamp.from(now()))
            .executeUpdate()
        == 1;
  }

  List<ApprovalView> approvals(UUID taskId) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + APPROVAL_COLUMNS
                    + " from approval a where a.task_id = ?1 order by a.created_at, a.id")
            .setParameter(1, taskId)
            .getResultList();
    return rows.stream().map(TaskStore::approval).toList();
  }

  /** The organization's approvals waiting for a decision, oldest first, after the cursor. */
  List<ApprovalView> pendingApprovals(UUID organizationId, PageRequest page) {
    var query =
        entityManager
            .createNativeQuery(
                "select "
                    + APPROVAL_COLUMNS
                    + " from approval a join task t on t.id = a.task_id"
                    + " where t.organization_id = ?1 and a.status = 'PENDING'"
                    + page.keyset("a.created_at, a.id", PageRequest.Order.OLDEST_FIRST, 2)
                    + " order by a.created_at, a.id limit ?4")
            .setParameter(1, organizationId)
            .setParameter(4, page.fetch());
    List<Object[]> rows = page.bindKeyset(query, 2).getResultList();
    return rows.stream().map(TaskStore::approval).toList();
  }

  /**
   * Decides a pending approval; false when it was decided already.
   *
   * @param arguments the edited arguments, or {@code null} to keep the agent's
   * @param argumentsDigest the {@link ArgumentsDigest} of the arguments decided on
   */
  boolean decide(
      UUID id,
      boolean approve,
      String arguments,
      String argumentsDigest,
      UUID decidedBy,
      String note) {
    return entityManager
            .createNativeQuery(
                "update approval set status = ?2, arguments = coalesce(cast(?3 as jsonb),"
                    + " arguments), arguments_digest = ?7, decided_by = ?4, decided_at = ?5,"
                    + " note = ?6 where id = ?1 and status = 'PENDING'")
            .setParameter(1, id)
            .setParameter(2, approve ? "APPROVED" : "REJECTED")
            .setParameter(3, arguments)
            .setParameter(4, decidedBy)
            .setParameter(5, Timestamp.from(now()))
            .setParameter(6, note)
            .setParameter(7, argumentsDigest)
            .executeUpdate()
        == 1;
  }

  /**
   * Whether work on the task is queued, due and not yet started; work queued for the task's due
   * time does not count, or nothing could wake its agent before then.
   */
  boolean workQueued(UUID taskId) {
    return !entityManager
        .createNativeQuery(
            "select 1 from job where kind = ?1 and status = 'QUEUED' and run_at <= now()"
                + " and payload ->> 'taskId' = ?2 limit 1")
        .setParameter(1, TaskWork.KIND)
        .setParameter(2, taskId.toString())
        .getResultList()
        .isEmpty();
  }

  private static TaskView task(Object[] r) {
    return new TaskView(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        (String) r[4],
        TaskStatus.valueOf((String) r[5]),
        TaskPriority.valueOf((String) r[6]),
        (UUID) r[7],
        (UUID) r[8],
        (String) r[9],
        (UUID) r[10],
        instant(r[11]),
        (String) r[12],
        instant(r[13]),
        instant(r[14]));
  }

  private static CommentView comment(Object[] r) {
    return new CommentView(
        (UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], instant(r[5]));
  }

  private static ApprovalView approval(Object[] r) {
    return new ApprovalView(
        (UUID) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (UUID) r[6],
        instant(r[7]),
        (String) r[8],
        instant(r[9]));
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
