package io.protohive.kernel.provisioning;

import io.protohive.kernel.tenancy.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as platform admins see it.
 *
 * @param origin {@code CONFIG} (read-only, changed in its tenants-config file) or {@code API}
 * @param admins emails of the tenant's admins
 */
public record TenantView(
    UUID id,
    String slug,
    String name,
    Tenant.Origin origin,
    boolean disabled,
    boolean selfSignup,
    boolean emailVerification,
    List<String> allowedEmailDomains,
    List<String> admins,
    Instant createdAt,
    Instant updatedAt) {

  static TenantView of(Tenant tenant) {
    return new TenantView(
        tenant.id(),
        tenant.slug(),
        tenant.name(),
        tenant.origin(),
        tenant.disabled(),
        tenant.selfSignup(),
        tenant.emailVerification(),
        tenant.allowedEmailDomains(),
        tenant.adminEmails(),
        tenant.createdAt(),
        tenant.updatedAt());
  }
}
