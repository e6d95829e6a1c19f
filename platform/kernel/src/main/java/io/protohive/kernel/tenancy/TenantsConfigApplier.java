package io.protohive.kernel.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Makes the database's tenants match their declarations; applying twice changes nothing. */
@ApplicationScoped
public class TenantsConfigApplier {

  private static final Logger LOG = Logger.getLogger(TenantsConfigApplier.class.getName());

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  Clock clock = Clock.systemUTC();

  /** Creates missing tenants and updates changed ones. Tenants no file declares are kept. */
  @Transactional
  public void apply(List<TenantDefinition> definitions) {
    Instant now = clock.instant();
    for (TenantDefinition definition : definitions) {
      List<Tenant> existing =
          entityManager
              .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
              .setParameter("slug", definition.slug())
              .getResultList();
      if (existing.isEmpty()) {
        Tenant tenant = new Tenant(definition.slug(), Tenant.Origin.CONFIG, now);
        tenant.apply(definition, now);
        entityManager.persist(tenant);
        LOG.info(() -> "Tenant '" + definition.slug() + "' created from tenants-config");
      } else if (existing.get(0).apply(definition, now)) {
        LOG.info(() -> "Tenant '" + definition.slug() + "' updated from tenants-config");
      }
    }
  }
}
