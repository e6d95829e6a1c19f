package io.protohive.kernel.encryption;

import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import io.protohive.kernel.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Each tenant's field keys, created on first use and kept in {@code tenant_field_key} encrypted
 * with the platform's secrets key, bound to the tenant.
 *
 * <p>A transaction that seals holds the tenant's key lock shared until it ends; a rotation or a
 * retirement holds it alone. So no value is ever sealed with a key that a retirement has just
 * removed: the retirement waits for the transactions that read the keyset before it.
 *
 * <p>Unwrapped keys are kept on this node with the row text they came from, and used only while the
 * row still holds that text: a rotation on another node is seen at the next read.
 */
@ApplicationScoped
public class FieldKeys {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject SecretBox secrets;

  private final Map<UUID, Unwrapped> unwrapped = new ConcurrentHashMap<>();

  private record Unwrapped(String sealing, String indexing, FieldKey key) {}

  /** The tenant's field keys for sealing and opening, created when the tenant has none yet. */
  @Transactional
  @InTenant
  public FieldKey of(@TenantId UUID tenantId) {
    lock(tenantId, "pg_advisory_xact_lock_shared");
    return current(tenantId);
  }

  /**
   * Makes a new key the one that seals, in the caller's transaction; the old keys still open.
   *
   * @return the new keys
   */
  @Transactional
  @InTenant
  public FieldKey rotate(@TenantId UUID tenantId) {
    lock(tenantId, "pg_advisory_xact_lock");
    return replace(tenantId, current(tenantId).rotated());
  }

  /**
   * Drops every key but the one that seals, in the caller's transaction, when {@code behind} counts
   * no value left that the primary key did not seal; it counts while no rotation can happen.
   *
   * @return how many keys were dropped
   * @throws IllegalStateException when values are still behind the primary key
   */
  @Transactional
  @InTenant
  public int retireOld(@TenantId UUID tenantId, ToLongFunction<FieldKey> behind) {
    lock(tenantId, "pg_advisory_xact_lock");
    FieldKey current = current(tenantId);
    long left = behind.applyAsLong(current);
    if (left > 0) {
      throw new IllegalStateException(left + " values are still to be resealed");
    }
    if (current.keys() > 1) {
      replace(tenantId, current.retired());
    }
    return current.keys() - 1;
  }

  private FieldKey current(UUID tenantId) {
    String[] row = read(tenantId);
    if (row == null) {
      FieldKey fresh = FieldKey.generate();
      entityManager
          .createNativeQuery(
              "insert into tenant_field_key (tenant_id, sealing_keyset, indexing_keyset,"
                  + " rotated_at) values (?1, ?2, ?3, ?4) on conflict (tenant_id) do nothing")
          .setParameter(1, tenantId)
          .setParameter(2, secrets.encrypt(fresh.sealingJson(), context(tenantId, "sealing")))
          .setParameter(3, secrets.encrypt(fresh.indexingJson(), context(tenantId, "indexing")))
          .setParameter(4, Timestamp.from(Instant.now()))
          .executeUpdate();
      row = read(tenantId);
    }
    return unwrap(tenantId, row[0], row[1]);
  }

  private FieldKey replace(UUID tenantId, FieldKey next) {
    entityManager
        .createNativeQuery(
            "update tenant_field_key set sealing_keyset = ?2, rotated_at = ?3 where tenant_id = ?1")
        .setParameter(1, tenantId)
        .setParameter(2, secrets.encrypt(next.sealingJson(), context(tenantId, "sealing")))
        .setParameter(3, Timestamp.from(Instant.now()))
        .executeUpdate();
    return next;
  }

  private FieldKey unwrap(UUID tenantId, String sealing, String indexing) {
    Unwrapped known = unwrapped.get(tenantId);
    if (known != null && known.sealing().equals(sealing) && known.indexing().equals(indexing)) {
      return known.key();
    }
    FieldKey key =
        FieldKey.fromJson(
            secrets.decrypt(sealing, context(tenantId, "sealing")),
            secrets.decrypt(indexing, context(tenantId, "indexing")));
    unwrapped.put(tenantId, new Unwrapped(sealing, indexing, key));
    return key;
  }

  private String[] read(UUID tenantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select sealing_keyset, indexing_keyset from tenant_field_key where tenant_id = ?1")
            .setParameter(1, tenantId)
            .getResultList();
    return rows.isEmpty() ? null : new String[] {(String) rows.get(0)[0], (String) rows.get(0)[1]};
  }

  private void lock(UUID tenantId, String function) {
    entityManager
        .createNativeQuery("select " + function + "(hashtextextended(?1, 0))")
        .setParameter(1, "tenant-field-key:" + tenantId)
        .getSingleResult();
  }

  private static String context(UUID tenantId, String keyset) {
    return "tenant-field-key:" + tenantId + ":" + keyset;
  }
}
