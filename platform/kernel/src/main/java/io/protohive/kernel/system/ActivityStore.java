package io.protohive.kernel.system;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Counts one tenant's activity in its own scope: its messages and model calls are visible to no
 * other, the platform's included, so the platform asks tenant by tenant and sums.
 */
@ApplicationScoped
public class ActivityStore {

  /**
   * Who did something, and when: people's messages and the audit trail's actors of the tenant's own
   * accounts (a platform admin who changed the tenant is no person of it).
   */
  private static final String ACTORS =
      "select created_at as at, author_id as who from message"
          + " where author_kind = 'USER' and created_at >= ?1 and created_at < ?2"
          + " union all select occurred_at, actor_id from audit_event"
          + " where tenant_id = ?3 and occurred_at >= ?1 and occurred_at < ?2"
          + " and actor_id in (select id from user_account where tenant_id = ?3)";

  private static final String DAY = "(at at time zone 'UTC')::date";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** The tenant's days with any activity in the range, by day. */
  @Transactional
  @InTenant
  public List<ActivityDay> days(@TenantId UUID tenantId, Instant from, Instant to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select day, sum(people), sum(agents), sum(calls), sum(tokens), sum(cost) from ("
                    + " select "
                    + DAY
                    + " as day, count(distinct who) as people, 0 as agents, 0 as calls,"
                    + " 0 as tokens, 0 as cost from ("
                    + ACTORS
                    + ") actors group by 1"
                    + " union all select (created_at at time zone 'UTC')::date,"
                    + " 0, count(distinct agent_id), count(*),"
                    + " sum(prompt_tokens + completion_tokens), sum(cost_micros) from llm_call"
                    + " where created_at >= ?1 and created_at < ?2 group by 1"
                    + ") activity group by day order by day")
            .setParameter(1, Timestamp.from(from))
            .setParameter(2, Timestamp.from(to))
            .setParameter(3, tenantId)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new ActivityDay(
                    ((Date) row[0]).toLocalDate(),
                    number(row[1]),
                    number(row[2]),
                    number(row[3]),
                    number(row[4]),
                    number(row[5])))
        .toList();
  }

  /**
   * The tenant's activity over the whole range: people and agents counted once however many days
   * they were active.
   *
   * @return active people, active agents, model calls, tokens, cost
   */
  @Transactional
  @InTenant
  public long[] range(@TenantId UUID tenantId, Instant from, Instant to) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select (select count(distinct who) from ("
                        + ACTORS
                        + ") actors), count(distinct agent_id), count(*),"
                        + " coalesce(sum(prompt_tokens + completion_tokens), 0),"
                        + " coalesce(sum(cost_micros), 0) from llm_call"
                        + " where created_at >= ?1 and created_at < ?2")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(to))
                .setParameter(3, tenantId)
                .getSingleResult();
    return new long[] {
      number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4])
    };
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
