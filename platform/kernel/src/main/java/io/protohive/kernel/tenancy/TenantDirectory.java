package io.protohive.kernel.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Looks tenants up by slug or id. */
@ApplicationScoped
public class TenantDirectory {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Tenant> bySlug(String slug) {
    return entityManager
        .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Tenant> byId(UUID id) {
    return Optional.ofNullable(id).map(i -> entityManager.find(Tenant.class, i));
  }
}
