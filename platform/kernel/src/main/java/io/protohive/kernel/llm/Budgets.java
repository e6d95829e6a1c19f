package io.protohive.kernel.llm;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mail.Mailer;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantBound;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Spending limits per tenant, organization, agent and task (a task's budget also covers the work on
 * its subtasks), per calendar month (UTC), in tokens or in currency micros. A call reserves its
 * estimate on every budget that applies before it is sent, in one statement per budget that only
 * succeeds while the budget has room, so concurrent calls cannot together pass a limit; after the
 * call the reservation is replaced by what it used.
 */
@ApplicationScoped
public class Budgets {

  private static final Logger LOG = Logger.getLogger(Budgets.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject AuditLog audit;
  @Inject Mailer mailer;
  @Inject TenantsConfigItems items;
  @Inject UsageMeter meter;
  @Inject ClusterCaches caches;

  /** What a budget applies to. */
  public enum Scope {
    TENANT,
    ORGANIZATION,
    AGENT,
    TASK
  }

  /** What a budget counts. */
  public enum Unit {
    TOKENS,
    MICROS;

    /** Of a call's tokens and cost in micros, the one a budget in this unit counts. */
    long of(long tokens, long micros) {
      return this == TOKENS ? tokens : micros;
    }
  }

  /**
   * A budget and where it stands this period.
   *
   * @param managed whether the tenant's tenants-config file sets it, so it is read-only here
   */
  public record Budget(
      UUID id,
      Scope scope,
      UUID scopeId,
      Unit unit,
      long amount,
      int softPercent,
      Instant periodStart,
      long spent,
      long reserved,
      boolean managed) {}

  /** What a call holds on the budgets that apply to it until it settles. */
  public record Reservation(UUID tenantId, List<Hold> holds) implements TenantBound {
    /** A call's reservation when no budget of its tenant applies to it. */
    static Reservation none(UUID tenantId) {
      return new Reservation(tenantId, List.of());
    }
  }

  /** The estimate held on one budget. */
  public record Hold(UUID budgetId, Unit unit, long amount) {}

  /**
   * Holds a call's estimate on every budget of its scope.
   *
   * @throws BudgetExhausted when one of them has no room for it; nothing is held then
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  public Reservation reserve(CallScope call, long tokens, long micros) {
    Timestamp period = Timestamp.from(periodStart());
    List<Hold> holds = new ArrayList<>();
    for (Object[] row : applicable(call)) {
      UUID id = (UUID) row[0];
      Unit unit = Unit.valueOf((String) row[1]);
      long estimate = unit.of(tokens, micros);
      entityManager
          .createNativeQuery(
              "update llm_budget set period_start = ?2, spent = 0, reserved = 0,"
                  + " soft_notified = false where id = ?1 and period_start < ?2")
          .setParameter(1, id)
          .setParameter(2, period)
          .executeUpdate();
      int reserved =
          entityManager
              .createNativeQuery(
                  "update llm_budget set reserved = reserved + ?2"
                      + " where id = ?1 and spent + reserved + ?2 <= amount")
              .setParameter(1, id)
              .setParameter(2, estimate)
              .executeUpdate();
      if (reserved == 0) {
        throw new BudgetExhausted(
            "The "
                + ((String) row[2]).toLowerCase(Locale.ROOT)
                + "'s budget for this month is spent; an admin can raise or reset it.");
      }
      holds.add(new Hold(id, unit, estimate));
    }
    return new Reservation(call.tenantId(), holds);
  }

  /**
   * What the tenant's budgets are set on, each as "{scope} {scope id}": a call none of them can
   * apply to reserves nothing.
   */
  @Transactional
  @InTenant
  Set<String> scopes(@TenantId UUID tenantId) {
    List<Object[]> rows =
        entityManager.createNativeQuery("select scope, scope_id from llm_budget").getResultList();
    Set<String> scopes = new HashSet<>();
    for (Object[] row : rows) {
      scopes.add(row[0] + " " + row[1]);
    }
    return Set.copyOf(scopes);
  }

  /**
   * Writes what calls of one tenant used, in one transaction: each attempt in the meter, and each
   * call's held estimates replaced by what it used, budget by budget in the order reservations lock
   * them, so that this transaction and a reservation never wait for each other.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @InTenant
  void settleCalls(@TenantId UUID tenantId, List<CallSettlements.Settlement> calls) {
    // PostgreSQL orders uuids as unsigned bytes, as their canonical text sorts
    Map<UUID, long[]> byBudget = new TreeMap<>(Comparator.comparing(UUID::toString));
    for (CallSettlements.Settlement call : calls) {
      call.attempts().forEach(meter::insert);
      for (Hold hold : call.reservation().holds()) {
        long[] sums = byBudget.computeIfAbsent(hold.budgetId(), id -> new long[2]);
        sums[0] += hold.amount();
        sums[1] += hold.unit().of(call.tokens(), call.micros());
      }
    }
    byBudget.forEach((budgetId, sums) -> release(tenantId, budgetId, sums[0], sums[1]));
  }

  private void release(UUID tenantId, UUID budgetId, long held, long used) {
    entityManager
        .createNativeQuery(
            "update llm_budget set reserved = greatest(reserved - ?2, 0), spent = spent + ?3"
                + " where id = ?1")
        .setParameter(1, budgetId)
        .setParameter(2, held)
        .setParameter(3, used)
        .executeUpdate();
    int crossed =
        entityManager
            .createNativeQuery(
                "update llm_budget set soft_notified = true where id = ?1 and not soft_notified"
                    + " and spent * 100 >= amount * soft_percent")
            .setParameter(1, budgetId)
            .executeUpdate();
    if (crossed > 0) {
      warnAdmins(tenantId, budgetId);
    }
  }

  /**
   * Notes in the audit trail, and mails the tenant's admins, that a budget passed its threshold.
   */
  private void warnAdmins(UUID tenantId, UUID budgetId) {
    LOG.info(() -> "Budget " + budgetId + " passed its warning threshold");
    audit.record(tenantId, null, Action.BUDGET_THRESHOLD, budgetId.toString(), null);
    Tenant tenant = entityManager.find(Tenant.class, tenantId);
    if (tenant == null) {
      return;
    }
    for (String admin : tenant.adminEmails()) {
      mailer.send(
          tenantId,
          admin,
          "A model budget of " + tenant.name() + " passed its warning threshold",
          "The budget "
              + budgetId
              + " has spent more than its warning threshold this month. Model calls are refused"
              + " once it is spent. Raise or reset it on the LLM page of ProtoHive.");
    }
  }

  private List<Object[]> applicable(CallScope call) {
    return entityManager
        .createNativeQuery(
            "select id, unit, scope from llm_budget where (scope = 'TENANT' and scope_id = ?1)"
                + " or (scope = 'ORGANIZATION' and scope_id = ?2)"
                + " or (scope = 'AGENT' and scope_id = ?3)"
                + " or (scope = 'TASK' and scope_id in (with recursive up (id, parent_id) as"
                + " (select id, parent_id from task where id = ?4 union all"
                + " select t.id, t.parent_id from task t join up on t.id = up.parent_id)"
                + " select id from up)) order by id")
        .setParameter(1, call.tenantId())
        .setParameter(2, orNone(call.organizationId()))
        .setParameter(3, orNone(call.agentId()))
        .setParameter(4, orNone(call.taskId()))
        .getResultList();
  }

  /** A value no row has, since PostgreSQL cannot compare with an untyped null parameter. */
  private static UUID orNone(UUID id) {
    return id == null ? new UUID(0, 0) : id;
  }

  /** When the current budget period, the calendar month in UTC, began. */
  public static Instant periodStart() {
    return LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The tenant's budgets and where they stand; tenant admins only. */
  @Transactional
  @InTenant
  public List<Budget> list(Caller caller) {
    authorization.tenantAdmin(caller);
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, scope, scope_id, unit, amount, soft_percent, period_start,"
                    + " case when period_start < ?1 then 0 else spent end,"
                    + " case when period_start < ?1 then 0 else reserved end"
                    + " from llm_budget order by scope, scope_id")
            .setParameter(1, Timestamp.from(periodStart()))
            .getResultList();
    boolean tenantBudgetManaged =
        items.isManaged(caller.tenantId(), TenantsConfigItems.TENANT_BUDGET);
    return rows.stream().map(row -> budget(row, tenantBudgetManaged)).toList();
  }

  /**
   * Sets a budget's limit, creating it if needed; tenant admins only.
   *
   * @param scopeId the organization, agent or task, ignored for the tenant's own budget
   */
  @Transactional
  @InTenant
  public Budget set(
      Caller caller,
      Scope budgetScope,
      UUID scopeId,
      Unit unit,
      Long amount,
      Integer softPercent,
      String address) {
    authorization.tenantAdmin(caller);
    if (budgetScope == null) {
      throw Rejection.invalid(
          "scope", "Say what the budget is for: TENANT, ORGANIZATION, AGENT or TASK.");
    }
    if (unit == null) {
      throw Rejection.invalid("unit", "Say what the budget counts: TOKENS or MICROS.");
    }
    if (amount == null || amount < 0) {
      throw Rejection.invalid("amount", "Give the limit as a number of at least 0.");
    }
    int soft = softPercent == null ? 80 : softPercent;
    if (soft < 1 || soft > 100) {
      throw Rejection.invalid("softPercent", "The warning threshold is a percentage, 1 to 100.");
    }
    UUID target = budgetScope == Scope.TENANT ? caller.tenantId() : scopeId;
    if (target == null) {
      throw Rejection.invalid("scopeId", "Name the organization, agent or task the budget is for.");
    }
    if (budgetScope == Scope.TENANT) {
      items.requireUnmanaged(
          caller.tenantId(), TenantsConfigItems.TENANT_BUDGET, "The tenant's budget");
    }
    upsert(caller.tenantId(), budgetScope, target, unit, amount, soft);
    audit.record(
        caller.tenantId(),
        caller.userId(),
        Action.BUDGET_CHANGED,
        budgetScope + " " + target + " " + amount + " " + unit,
        address);
    return list(caller).stream()
        .filter(b -> b.scope() == budgetScope && b.scopeId().equals(target))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Makes the tenant's own budget the one its tenants-config file declares; what it spent stays.
   * The caller brings the transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  @InTenant
  public void applyDeclared(@TenantId UUID tenantId, Unit unit, long amount, int softPercent) {
    List<Object[]> current =
        entityManager
            .createNativeQuery(
                "select unit, amount, soft_percent from llm_budget"
                    + " where scope = 'TENANT' and scope_id = ?1")
            .setParameter(1, tenantId)
            .getResultList();
    boolean unchanged =
        !current.isEmpty()
            && unit.name().equals(current.get(0)[0])
            && amount == ((Number) current.get(0)[1]).longValue()
            && softPercent == ((Number) current.get(0)[2]).intValue();
    if (!unchanged) {
      upsert(tenantId, Scope.TENANT, tenantId, unit, amount, softPercent);
    }
  }

  private void upsert(
      UUID tenantId, Scope budgetScope, UUID target, Unit unit, long amount, int soft) {
    caches.cache(ClusterCaches.LLM_BUDGET_SCOPES).invalidate(tenantId.toString());
    entityManager
        .createNativeQuery(
            "insert into llm_budget (id, tenant_id, scope, scope_id, unit, amount, soft_percent,"
                + " period_start) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                + " on conflict (tenant_id, scope, scope_id) do update set unit = excluded.unit,"
                + " amount = excluded.amount, soft_percent = excluded.soft_percent,"
                + " soft_notified = false")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, tenantId)
        .setParameter(3, budgetScope.name())
        .setParameter(4, target)
        .setParameter(5, unit.name())
        .setParameter(6, amount)
        .setParameter(7, soft)
        .setParameter(8, Timestamp.from(periodStart()))
        .executeUpdate();
  }

  /** Forgets what a budget spent this period, as if the month began again; tenant admins only. */
  @Transactional
  @InTenant
  public Budget reset(Caller caller, UUID budgetId, String address) {
    authorization.tenantAdmin(caller);
    int updated =
        entityManager
            .createNativeQuery(
                "update llm_budget set spent = 0, soft_notified = false where id = ?1")
            .setParameter(1, budgetId)
            .executeUpdate();
    if (updated == 0) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No budget with this id in your tenant.");
    }
    audit.record(
        caller.tenantId(), caller.userId(), Action.BUDGET_RESET, budgetId.toString(), address);
    return list(caller).stream().filter(b -> b.id().equals(budgetId)).findFirst().orElseThrow();
  }

  /**
   * Removes a budget: calls in its scope are no longer limited by it; tenant admins only, unless
   * tenants-config manages it.
   */
  @Transactional
  @InTenant
  public void remove(Caller caller, UUID budgetId, String address) {
    authorization.tenantAdmin(caller);
    boolean tenantBudget =
        !entityManager
            .createNativeQuery("select 1 from llm_budget where id = ?1 and scope = 'TENANT'")
            .setParameter(1, budgetId)
            .getResultList()
            .isEmpty();
    if (tenantBudget) {
      items.requireUnmanaged(
          caller.tenantId(), TenantsConfigItems.TENANT_BUDGET, "The tenant's budget");
    }
    caches.cache(ClusterCaches.LLM_BUDGET_SCOPES).invalidate(caller.tenantId().toString());
    int removed =
        entityManager
            .createNativeQuery("delete from llm_budget where id = ?1")
            .setParameter(1, budgetId)
            .executeUpdate();
    if (removed == 0) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No budget with this id in your tenant.");
    }
    audit.record(
        caller.tenantId(), caller.userId(), Action.BUDGET_REMOVED, budgetId.toString(), address);
  }

  private static Budget budget(Object[] row, boolean tenantBudgetManaged) {
    return new Budget(
        (UUID) row[0],
        Scope.valueOf((String) row[1]),
        (UUID) row[2],
        Unit.valueOf((String) row[3]),
        ((Number) row[4]).longValue(),
        ((Number) row[5]).intValue(),
        ((Timestamp) row[6]).toInstant(),
        ((Number) row[7]).longValue(),
        ((Number) row[8]).longValue(),
        tenantBudgetManaged && Scope.TENANT.name().equals(row[1]));
  }
}
