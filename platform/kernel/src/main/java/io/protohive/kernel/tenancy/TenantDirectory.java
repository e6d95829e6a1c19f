package io.protohive.kernel.tenancy;

import io.protohive.kernel.platform.AsPlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks tenants up by slug or id, in the platform scope: the tenant registry is the platform's. */
@ApplicationScoped
public class TenantDirectory {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Transactional
  @AsPlatform
  public Optional<Tenant> bySlug(String slug) {
    return entityManager
        .createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst();
  }

  /** A tenant as a signed-in person sees it named. */
  @Transactional
  @AsPlatform
  public Optional<TenantSummary> summary(UUID id) {
    return byId(id).map(TenantSummary::of);
  }

  /** Every tenant, by slug. */
  @Transactional
  @AsPlatform
  public List<TenantSummary> summaries() {
    return entityManager
        .createQuery("select t from Tenant t order by t.slug", Tenant.class)
        .getResultStream()
        .map(TenantSummary::of)
        .toList();
  }

  /** The providers a tenant's people may sign in with; none for an unknown tenant. */
  @Transactional
  @AsPlatform
  public List<OidcProvider> oidcProviders(String slug) {
    return bySlug(slug).map(Tenant::oidcProviders).orElse(List.of());
  }

  @Transactional
  @AsPlatform
  public Optional<Tenant> byId(UUID id) {
    return Optional.ofNullable(id).map(i -> entityManager.find(Tenant.class, i));
  }
}
