package io.protohive.kernel.llm;

import io.protohive.kernel.cluster.ClusterCaches;
import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.observability.PlatformTraces;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's budget ledger: a call's estimate is held on its budgets before it is sent, in a
 * transaction of its own (none when no budget of its tenant can apply to it); what it used (every
 * attempt for the meter, and the settlement of its hold) is written once, after the caller has its
 * answer, on a managed thread. Calls that end together are written together, one transaction per
 * tenant.
 *
 * <p>Budgets stay exact: until its settlement commits, a call's estimate stays held, so a budget
 * read or reservation in between sees the hold, and then the use, never neither. A settlement that
 * fails is tried once more alone; the queue is written out when the platform stops.
 */
@ApplicationScoped
public class CallSettlements implements BudgetLedger {

  private static final Logger LOG = Logger.getLogger(CallSettlements.class.getName());
  static final int MAX_BATCH = 200;

  @Inject Budgets budgets;

  @Inject ClusterCaches caches;

  @Inject PlatformMetrics metrics;
  @Inject PlatformTraces traces;

  @Resource ManagedExecutorService executor;

  private ClusterCaches.Cache<Set<String>> budgetScopes;

  @PostConstruct
  void caches() {
    budgetScopes = caches.cache(ClusterCaches.LLM_BUDGET_SCOPES);
  }

  /** What one call used, and what it held. */
  record Settlement(
      Budgets.Reservation reservation,
      UUID tenantId,
      long tokens,
      long micros,
      List<UsageMeter.Metered> attempts) {}

  private final Queue<Settlement> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ReentrantLock writing = new ReentrantLock();

  /**
   * Holds the call's estimate; a call no budget of its tenant can apply to is spared the
   * transaction. The tenant's budgets' scopes are kept in {@link ClusterCaches}, dropped on every
   * node when a budget is set or removed.
   */
  @Override
  public Budgets.Reservation reserve(CallScope call, long tokens, long micros) {
    String tenant = call.tenantId().toString();
    Set<String> scopes = budgetScopes.get(tenant, () -> budgets.scopes(call.tenantId()));
    boolean mayApply =
        scopes.contains(Budgets.Scope.TENANT + " " + tenant)
            || applies(scopes, Budgets.Scope.ORGANIZATION, call.organizationId())
            || applies(scopes, Budgets.Scope.AGENT, call.agentId())
            // a task's budget may be set on a task it is a subtask of
            || (call.taskId() != null
                && scopes.stream().anyMatch(s -> s.startsWith(Budgets.Scope.TASK + " ")));
    if (!mayApply) {
      return Budgets.Reservation.none(call.tenantId());
    }
    return budgets.reserve(call, tokens, micros);
  }

  private static boolean applies(Set<String> scopes, Budgets.Scope scope, UUID id) {
    return id != null && scopes.contains(scope + " " + id);
  }

  @Override
  public void settle(
      CallScope call,
      Budgets.Reservation reservation,
      long tokens,
      long micros,
      List<UsageMeter.Metered> attempts) {
    // counted and traced at once: neither needs a transaction, and a scrape sees the call as it
    // ends
    for (UsageMeter.Metered attempt : attempts) {
      metrics.modelCall(
          attempt.step().providerId(),
          attempt.outcome().name(),
          attempt.promptTokens(),
          attempt.completionTokens(),
          attempt.costMicros(),
          attempt.latency());
      traces.modelCall(
          attempt.operation().conventionName(),
          attempt.step().providerId(),
          attempt.step().model(),
          attempt.outcome().name(),
          attempt.promptTokens(),
          attempt.completionTokens(),
          attempt.costMicros(),
          attempt.latency(),
          attempt.firstToken());
    }
    if (reservation.holds().isEmpty() && attempts.isEmpty()) {
      return;
    }
    queue.add(new Settlement(reservation, call.tenantId(), tokens, micros, List.copyOf(attempts)));
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              // cleared first: a call settled while this one writes schedules the next
              scheduled.set(false);
              writeQueued();
            });
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        writeQueued();
      }
    }
  }

  /** Writes every settlement queued so far, on the calling thread; also when the platform stops. */
  public void writeQueued() {
    writing.lock();
    try {
      while (!queue.isEmpty()) {
        Map<UUID, List<Settlement>> byTenant = new LinkedHashMap<>();
        Settlement next;
        for (int i = 0; i < MAX_BATCH && (next = queue.poll()) != null; i++) {
          byTenant.computeIfAbsent(next.tenantId(), id -> new ArrayList<>()).add(next);
        }
        byTenant.forEach(this::write);
      }
    } finally {
      writing.unlock();
    }
  }

  private void write(UUID tenantId, List<Settlement> settlements) {
    try {
      budgets.settleCalls(tenantId, settlements);
    } catch (RuntimeException batchFailed) {
      LOG.log(
          Level.WARNING,
          "Model call usage not written together; writing it call by call",
          batchFailed);
      for (Settlement settlement : settlements) {
        try {
          budgets.settleCalls(tenantId, List.of(settlement));
        } catch (RuntimeException e) {
          LOG.log(
              Level.SEVERE,
              "Model call usage of tenant "
                  + tenantId
                  + " not written: "
                  + settlement.tokens()
                  + " tokens, "
                  + settlement.micros()
                  + " micros, holds "
                  + settlement.reservation().holds(),
              e);
        }
      }
    }
  }
}
