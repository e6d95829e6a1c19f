package io.protohive.kernel.llm;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.platform.TenantBound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records every model call, and sums them for the usage API and dashboard. A record is written with
 * its call's budget settlement ({@link CallSettlements}), so a call's usage is kept whatever
 * happens to the work that made it.
 */
@ApplicationScoped
public class UsageMeter {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;

  /** One metered call; its operation as the GenAI conventions name it. */
  public record Metered(
      Operation operation,
      CallScope scope,
      RouteStep step,
      boolean streamed,
      long promptTokens,
      long completionTokens,
      Duration latency,
      Duration firstToken,
      CallOutcome outcome,
      long costMicros)
      implements TenantBound {

    @Override
    public UUID tenantId() {
      return scope.tenantId();
    }
  }

  /** How usage is grouped. */
  /** What a model was asked to do, as the GenAI semantic conventions name it. */
  public enum Operation {
    CHAT("chat"),
    EMBEDDINGS("embeddings");

    private final String conventionName;

    Operation(String conventionName) {
      this.conventionName = conventionName;
    }

    public String conventionName() {
      return conventionName;
    }
  }

  public enum GroupBy {
    DAY,
    ORGANIZATION,
    AGENT,
    MODEL
  }

  /** The usage of one group. */
  public record UsageRow(
      String key, long calls, long promptTokens, long completionTokens, long costMicros) {}

  /** Writes one record in the caller's transaction, which is in the call's tenant. */
  void insert(Metered call) {
    entityManager
        .createNativeQuery(
            "insert into llm_call (id, tenant_id, organization_id, agent_id, conversation_id,"
                + " task_id, provider_id, model, streamed, prompt_tokens, completion_tokens,"
                + " latency_ms, first_token_ms, outcome, cost_micros, created_at) values"
                + " (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, call.scope().tenantId())
        .setParameter(3, call.scope().organizationId())
        .setParameter(4, call.scope().agentId())
        .setParameter(5, call.scope().conversationId())
        .setParameter(6, call.scope().taskId())
        .setParameter(7, call.step().providerId())
        .setParameter(8, call.step().model())
        .setParameter(9, call.streamed())
        .setParameter(10, Math.toIntExact(call.promptTokens()))
        .setParameter(11, Math.toIntExact(call.completionTokens()))
        .setParameter(12, Math.toIntExact(call.latency().toMillis()))
        .setParameter(13, call.firstToken() == null ? null : (int) call.firstToken().toMillis())
        .setParameter(14, call.outcome().name())
        .setParameter(15, call.costMicros())
        .setParameter(16, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** The tenant's usage between two instants, grouped; tenant admins only. */
  @Transactional
  @InTenant
  public List<UsageRow> usage(Caller caller, Instant from, Instant to, GroupBy groupBy) {
    authorization.tenantAdmin(caller);
    if (from == null || to == null || !from.isBefore(to)) {
      throw Rejection.invalid("from", "Give from and to as ISO-8601 instants, from before to.");
    }
    GroupBy group = groupBy == null ? GroupBy.DAY : groupBy;
    String key =
        switch (group) {
          case DAY -> "to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')";
          case ORGANIZATION -> "coalesce(organization_id::text, 'none')";
          case AGENT -> "coalesce(agent_id::text, 'none')";
          case MODEL -> "provider_id || '/' || model";
        };
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select "
                    + key
                    + " as k, count(*), coalesce(sum(prompt_tokens), 0),"
                    + " coalesce(sum(completion_tokens), 0), coalesce(sum(cost_micros), 0)"
                    + " from llm_call where created_at >= ?1 and created_at < ?2"
                    + " group by k order by k")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new UsageRow(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()))
        .toList();
  }
}
