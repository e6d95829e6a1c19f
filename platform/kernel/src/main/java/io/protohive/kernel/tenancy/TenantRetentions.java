package io.protohive.kernel.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Reads a tenant's retention in the caller's transaction: in the tenant's own scope its row is
 * visible, and a native read leaves the transaction's scope as it is.
 */
@ApplicationScoped
public class TenantRetentions {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  public TenantRetention of(UUID tenantId) {
    Object[] row =
        (Object[])
            entityManager
                .createNativeQuery(
                    "select retention_messages_days, retention_events_days, retention_audit_days,"
                        + " retention_files_days, retention_usage_days from tenant where id = ?1")
                .setParameter(1, tenantId)
                .getSingleResult();
    return new TenantRetention(
        days(row[0]), days(row[1]), days(row[2]), days(row[3]), days(row[4]));
  }

  private static Integer days(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }
}
