package io.protohive.kernel.audit;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Appends entries to their tenant's chain, or the platform's, in a transaction of their own, one
 * writer per chain at a time on every node: each chain's lock is held until the transaction
 * commits, so the next writer reads these entries as the chain's last.
 */
@ApplicationScoped
public class AuditChains {

  // seeds the chain's advisory lock key apart from other features' locks on the same tenant id
  private static final long CHAIN_LOCK_SEED = 52;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Appends the entries in their order, each after the last of its chain. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @AsPlatform
  public void append(List<AuditRecord> records) {
    // the chains' locks are taken in one order on every node, so two writers never wait on each
    // other
    Map<String, List<AuditRecord>> byChain = new TreeMap<>();
    for (AuditRecord record : records) {
      byChain.computeIfAbsent(chain(record.tenantId()), name -> new ArrayList<>()).add(record);
    }
    byChain.forEach(
        (chain, entries) -> {
          entityManager
              .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
              .setParameter(1, chain)
              .setParameter(2, CHAIN_LOCK_SEED)
              .getResultList();
          List<AuditEvent> last = lastOf(entries.get(0).tenantId());
          long seq = last.isEmpty() ? 0 : last.get(0).seq();
          String hash = last.isEmpty() ? null : last.get(0).hash();
          for (AuditRecord record : entries) {
            AuditEvent entry = new AuditEvent(record, Instant.now());
            entry.link(seq, hash);
            entityManager.persist(entry);
            seq = entry.seq();
            hash = entry.hash();
          }
        });
  }

  private static String chain(UUID tenantId) {
    return tenantId == null ? "platform" : tenantId.toString();
  }

  private List<AuditEvent> lastOf(UUID tenantId) {
    TypedQuery<AuditEvent> query =
        entityManager
            .createQuery(
                "select e from AuditEvent e where "
                    + (tenantId == null ? "e.tenantId is null" : "e.tenantId = :tenant")
                    + " order by e.seq desc",
                AuditEvent.class)
            .setMaxResults(1);
    if (tenantId != null) {
      query.setParameter("tenant", tenantId);
    }
    return query.getResultList();
  }
}
