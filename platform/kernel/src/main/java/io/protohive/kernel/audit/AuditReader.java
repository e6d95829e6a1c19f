package io.protohive.kernel.audit;

import io.protohive.kernel.platform.Cursor;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads a chain of the audit trail, a tenant's or the platform's ({@code null}), in the caller's
 * transaction; whoever calls it has checked who may.
 */
@ApplicationScoped
public class AuditReader {

  // entries read at once while a chain is recomputed, cleared from memory after each batch
  private static final int VERIFY_BATCH = 1000;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** The chain's entries that pass the filter, newest first. */
  public Page<AuditEntry> read(UUID tenantId, AuditFilter filter, PageRequest page) {
    List<String> conditions = new ArrayList<>(List.of(chain(tenantId)));
    if (filter.actor() != null) {
      conditions.add("e.actorId = :actor");
    }
    if (filter.action() != null) {
      conditions.add("e.action = :action");
    }
    if (filter.target() != null) {
      conditions.add("(e.target = :target or e.subject = :target)");
    }
    if (filter.from() != null) {
      conditions.add("e.occurredAt >= :from");
    }
    if (filter.to() != null) {
      conditions.add("e.occurredAt < :to");
    }
    TypedQuery<AuditEvent> query =
        page.bindKeyset(
            entityManager
                .createQuery(
                    "select e from AuditEvent e"
                        + page.where(
                            String.join(" and ", conditions),
                            "e.occurredAt",
                            "e.id",
                            PageRequest.Order.NEWEST_FIRST)
                        + " order by e.occurredAt desc, e.id desc",
                    AuditEvent.class)
                .setMaxResults(page.fetch()));
    bind(query, "tenant", tenantId);
    bind(query, "actor", filter.actor());
    bind(query, "action", filter.action());
    bind(query, "target", filter.target());
    bind(query, "from", filter.from());
    bind(query, "to", filter.to());
    return page.page(query.getResultList(), e -> Cursor.of(e.occurredAt(), e.id()))
        .map(AuditEntry::of);
  }

  /** Recomputes the chain. */
  public AuditVerification verify(UUID tenantId) {
    long checked = 0;
    AuditEvent previous = null;
    while (true) {
      TypedQuery<AuditEvent> query =
          entityManager
              .createQuery(
                  "select e from AuditEvent e where "
                      + chain(tenantId)
                      + " and e.seq > :after order by e.seq",
                  AuditEvent.class)
              .setParameter("after", previous == null ? 0L : previous.seq())
              .setMaxResults(VERIFY_BATCH);
      bind(query, "tenant", tenantId);
      List<AuditEvent> batch = query.getResultList();
      for (AuditEvent entry : batch) {
        String broken = AuditChain.broken(previous, entry);
        if (broken != null) {
          return new AuditVerification(
              checked, previous == null ? null : previous.hash(), entry.id(), entry.seq(), broken);
        }
        checked++;
        previous = entry;
      }
      if (batch.size() < VERIFY_BATCH) {
        return new AuditVerification(
            checked, previous == null ? null : previous.hash(), null, null, null);
      }
      entityManager.clear();
    }
  }

  private static String chain(UUID tenantId) {
    return tenantId == null ? "e.tenantId is null" : "e.tenantId = :tenant";
  }

  private static void bind(TypedQuery<?> query, String name, Object value) {
    if (value != null) {
      query.setParameter(name, value);
    }
  }
}
