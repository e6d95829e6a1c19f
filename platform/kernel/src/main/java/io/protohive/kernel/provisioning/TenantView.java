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
 * @param fileQuotaBytes what its files may take, or {@code null} for the platform's default
 * @param fileStore where its new files go, or {@code null} for the platform's default
 * @param fileBytesUsed what its files take now, every version and the bin counted; given when one
 *     tenant is read, {@code null} in lists
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
    Long fileQuotaBytes,
    String fileStore,
    Long fileBytesUsed,
    Instant createdAt,
    Instant updatedAt) {

  static TenantView of(Tenant tenant, Long fileBytesUsed) {
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
        tenant.fileSettings().quotaBytes(),
        tenant.fileSettings().store(),
        fileBytesUsed,
        tenant.createdAt(),
        tenant.updatedAt());
  }
}
