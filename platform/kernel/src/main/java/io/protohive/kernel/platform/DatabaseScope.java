package io.protohive.kernel.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Tells the persistence layer and PostgreSQL's row-level security whose rows the current
 * transaction may see: EclipseLink adds the tenant to every query and insert of a multitenant
 * entity, and the database hides every other tenant's rows even from SQL written by hand. The
 * setting is transaction-local ({@code set_config(..., true)}), so it ends with the transaction and
 * never leaks to the next user of the pooled connection. Call it first in every transaction that
 * reads or writes tenant-owned rows; without it such a transaction sees none.
 */
@ApplicationScoped
public class DatabaseScope {

  /** The EntityManager property EclipseLink's multitenant entities take their tenant from. */
  public static final String TENANT_PROPERTY = "protohive.tenant-id";

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** Rows of this tenant only. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void tenant(UUID tenantId) {
    entityManager.setProperty(TENANT_PROPERTY, tenantId.toString());
    entityManager
        .createNativeQuery("select set_config('app.tenant_id', ?1, true)")
        .setParameter(1, tenantId.toString())
        .getSingleResult();
  }

  /**
   * Rows of every tenant in the tables the platform reads across tenants (accounts, audit), for
   * sign-in and platform administration only.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void platform() {
    entityManager
        .createNativeQuery("select set_config('app.scope', 'platform', true)")
        .getSingleResult();
  }
}
