package io.protohive.kernel.tenancy;

import java.util.UUID;

/** A tenant as a signed-in person sees it named. */
public record TenantSummary(UUID id, String slug, String name) {

  static TenantSummary of(Tenant tenant) {
    return new TenantSummary(tenant.id(), tenant.slug(), tenant.name());
  }
}
