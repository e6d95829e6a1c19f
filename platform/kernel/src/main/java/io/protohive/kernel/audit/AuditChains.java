package io.protohive.kernel.audit;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * commits, so the next writer reads these entries as the chain's last. Taking the lock and reading
 * the chain's last entry is one round trip ({@code protohive_audit_chain_head}), and a group's
 * entries go to the database as one batch.
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
          Object[] head =
              (Object[])
                  entityManager
                      .createNativeQuery(
                          "select seq, hash from protohive_audit_chain_head(?1, ?2, cast(?3 as uuid))")
                      .setParameter(1, chain)
                      .setParameter(2, CHAIN_LOCK_SEED)
                      .setParameter(3, tenantOf(entries))
                      .getSingleResult();
          long seq = head[0] == null ? 0 : ((Number) head[0]).longValue();
          String hash = (String) head[1];
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

  /** The chain's tenant as text, {@code null} for the platform's. */
  private static String tenantOf(List<AuditRecord> entries) {
    UUID tenantId = entries.get(0).tenantId();
    return tenantId == null ? null : tenantId.toString();
  }
}
