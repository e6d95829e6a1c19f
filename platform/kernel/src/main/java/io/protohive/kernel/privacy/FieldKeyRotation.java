package io.protohive.kernel.privacy;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.FieldKeys;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Jobs;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.platform.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant admin's view and rotation of the tenant's field keys. A rotation makes a new key the one
 * that seals at once, and queues the {@link Reseal} job, which reseals what older keys sealed (and
 * what was written before sealing) in the background, then retires the older keys. The platform
 * serves throughout: every key still opens what it sealed until it is retired.
 */
@ApplicationScoped
public class FieldKeyRotation {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject Authorization authorization;
  @Inject FieldKeys fieldKeys;
  @Inject SealedRows rows;
  @Inject Jobs jobs;
  @Inject AuditLog audit;

  /**
   * The tenant's field keys: the id of the key that seals, how many keys still open, when the keys
   * last changed, and how many values are still to be resealed with the key that seals.
   */
  public record FieldKeysView(long keyId, int keys, Instant rotatedAt, long behind) {}

  @Transactional
  @InTenant
  public FieldKeysView status(Caller caller) {
    authorization.tenantAdmin(caller);
    return view(caller.tenantId(), fieldKeys.of(caller.tenantId()));
  }

  /** Rotates the tenant's sealing key and queues the reseal of everything sealed before. */
  @Transactional
  @InTenant
  public FieldKeysView rotate(Caller caller, String address) {
    authorization.tenantAdmin(caller);
    FieldKey rotated = fieldKeys.rotate(caller.tenantId());
    jobs.enqueue(caller.tenantId(), Reseal.KIND, "{}", Instant.now());
    FieldKeysView view = view(caller.tenantId(), rotated);
    audit.record(
        caller.tenantId(),
        caller.userId(),
        Action.FIELD_KEY_ROTATED,
        Long.toString(rotated.primaryId()),
        address);
    return view;
  }

  /** Queues the reseal of what the tenant holds in clear, written before sealing, if anything. */
  @Transactional
  @InTenant
  public void sealWhatIsInClear(@TenantId UUID tenantId) {
    if (rows.anyInClear(tenantId)) {
      jobs.enqueue(tenantId, Reseal.KIND, "{}", Instant.now());
    }
  }

  private FieldKeysView view(UUID tenantId, FieldKey key) {
    Timestamp rotatedAt =
        (Timestamp)
            entityManager
                .createNativeQuery("select rotated_at from tenant_field_key where tenant_id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
    return new FieldKeysView(
        key.primaryId(), key.keys(), rotatedAt.toInstant(), rows.behind(tenantId));
  }
}
