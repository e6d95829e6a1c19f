package io.protohive.kernel.home;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.home.DashboardView.AgentAtWork;
import io.protohive.kernel.home.DashboardView.OrganizationAtWork;
import io.protohive.kernel.home.DashboardView.Spend;
import io.protohive.kernel.home.DashboardView.TaskItem;
import io.protohive.kernel.home.DashboardView.UnreadConversation;
import io.protohive.kernel.home.DashboardView.WaitingApproval;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.UsageMeter;
import io.protohive.kernel.llm.UsageMeter.UsageRow;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person's home page, read in one transaction of their tenant. Every part is limited to the
 * organizations they are a member of, as every other view of an organization is.
 */
@ApplicationScoped
public class Dashboard {

  /** How many items each list shows at most. */
  static final int SHOWN = 20;

  private static final String MY_ORGANIZATIONS =
      " join membership m on m.organization_id = o.id and m.user_id = ?1"
          + " where o.deleted_at is null";
  private static final String OPEN = " and t.status not in ('DONE', 'CANCELLED')";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject Budgets budgets;
  @Inject UsageMeter usage;

  @Transactional
  @InTenant
  public DashboardView of(Caller caller) {
    if (caller.tenantId() == null) {
      // platform admins belong to no tenant and so to no organization
      return new DashboardView(List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }
    UUID me = caller.userId();
    return new DashboardView(
        organizations(me),
        unreadConversations(me),
        tasks(me, " and t.assignee_user_id = ?1"),
        tasks(me, " and t.reporter_kind = 'USER' and t.reporter_id = ?1"),
        approvals(me),
        authorization.isTenantAdmin(caller) ? spend(caller) : null);
  }

  private List<OrganizationAtWork> organizations(UUID me) {
    Map<UUID, List<AgentAtWork>> atWork =
        rows(
                "select a.organization_id, a.id, a.name, a.role,"
                    + " (select r.conversation_id from agent_run r where r.agent_id = a.id"
                    + "  and r.status = 'RUNNING' order by r.started_at desc limit 1),"
                    + " t.id, t.title"
                    + " from agent a join organization o on o.id = a.organization_id"
                    + " left join lateral (select id, title from task where assignee_agent_id = a.id"
                    + "  and status = 'IN_PROGRESS' order by updated_at desc limit 1) t on true"
                    + MY_ORGANIZATIONS
                    + " and (t.id is not null or exists (select 1 from agent_run r"
                    + "  where r.agent_id = a.id and r.status = 'RUNNING'))"
                    + " order by a.name, a.id",
                me)
            .stream()
            .collect(
                Collectors.groupingBy(
                    r -> (UUID) r[0],
                    Collectors.mapping(
                        r ->
                            new AgentAtWork(
                                (UUID) r[1],
                                (String) r[2],
                                (String) r[3],
                                (UUID) r[4],
                                (UUID) r[5],
                                (String) r[6]),
                        Collectors.toList())));
    return rows(
            "select o.id, o.name, m.role from organization o"
                + MY_ORGANIZATIONS
                + " order by lower(o.name), o.id",
            me)
        .stream()
        .map(
            r ->
                new OrganizationAtWork(
                    (UUID) r[0],
                    (String) r[1],
                    Role.valueOf((String) r[2]),
                    atWork.getOrDefault((UUID) r[0], List.of())))
        .toList();
  }

  private List<UnreadConversation> unreadConversations(UUID me) {
    return rows(
            "select c.id, o.id, o.name, c.title, count(msg.id), max(msg.created_at)"
                + " from conversation c join organization o on o.id = c.organization_id"
                + " left join conversation_read cr on cr.conversation_id = c.id"
                + "  and cr.user_id = ?1"
                + " join message msg on msg.conversation_id = c.id"
                + "  and msg.created_at > coalesce(cr.read_at, '-infinity')"
                + "  and not (msg.author_kind = 'USER' and msg.author_id = ?1)"
                + MY_ORGANIZATIONS
                + " and (c.created_by = ?1 or cr.user_id is not null)"
                + " group by c.id, o.id, o.name, c.title"
                + " order by max(msg.created_at) desc, c.id limit "
                + SHOWN,
            me)
        .stream()
        .map(
            r ->
                new UnreadConversation(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).longValue(),
                    instant(r[5])))
        .toList();
  }

  private List<TaskItem> tasks(UUID me, String whose) {
    return rows(
            "select t.id, o.id, o.name, t.title, t.status, t.priority, t.due_at, t.updated_at"
                + " from task t join organization o on o.id = t.organization_id"
                + MY_ORGANIZATIONS
                + whose
                + OPEN
                + " order by t.updated_at desc, t.id limit "
                + SHOWN,
            me)
        .stream()
        .map(
            r ->
                new TaskItem(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    TaskStatus.valueOf((String) r[4]),
                    TaskPriority.valueOf((String) r[5]),
                    instant(r[6]),
                    instant(r[7])))
        .toList();
  }

  /** Pending approvals in the organizations where the person's role may decide them. */
  private List<WaitingApproval> approvals(UUID me) {
    String deciders =
        Arrays.stream(Role.values())
            .filter(Permission.EDIT::grantedTo)
            .map(role -> "'" + role.name() + "'")
            .collect(Collectors.joining(", "));
    return rows(
            "select ap.id, t.id, t.title, o.id, o.name, ap.agent_id, a.name, ap.tool_id,"
                + " ap.created_at"
                + " from approval ap join task t on t.id = ap.task_id"
                + " join organization o on o.id = t.organization_id"
                + " left join agent a on a.id = ap.agent_id"
                + MY_ORGANIZATIONS
                + " and m.role in ("
                + deciders
                + ") and ap.status = 'PENDING'"
                + " order by ap.created_at, ap.id limit "
                + SHOWN,
            me)
        .stream()
        .map(
            r ->
                new WaitingApproval(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (UUID) r[3],
                    (String) r[4],
                    (UUID) r[5],
                    (String) r[6],
                    (String) r[7],
                    instant(r[8])))
        .toList();
  }

  private Spend spend(Caller caller) {
    Instant from = Budgets.periodStart();
    List<UsageRow> month = usage.usage(caller, from, Instant.now(), UsageMeter.GroupBy.MODEL);
    return new Spend(
        from,
        month.stream().mapToLong(UsageRow::calls).sum(),
        month.stream().mapToLong(row -> row.promptTokens() + row.completionTokens()).sum(),
        month.stream().mapToLong(UsageRow::costMicros).sum(),
        budgets.list(caller));
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, UUID me) {
    return entityManager.createNativeQuery(sql).setParameter(1, me).getResultList();
  }

  private static Instant instant(Object value) {
    return value == null ? null : ((Timestamp) value).toInstant();
  }
}
