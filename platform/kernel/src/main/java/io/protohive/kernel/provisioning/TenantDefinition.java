package io.protohive.kernel.provisioning;

import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantRateLimits;
import io.protohive.kernel.tenancy.TenantRetention;
import java.util.List;

/**
 * A tenant as declared in a {@code tenants-config/*.yaml} file.
 *
 * @param allowedEmailDomains domains whose addresses may sign up; empty allows any
 * @param admins emails of the tenant's admins, lower case
 * @param oidcProviders identity providers its people may sign in with
 * @param rateLimits its own rate limits, where the file sets them
 * @param files its files' own quota and store, where the file sets them
 * @param routineMinIntervalMinutes the least time between two firings of a routine's schedule,
 *     where the file sets it
 * @param retention how long it keeps each kind of its data, where the file sets it
 * @param declared the plugins, model route, budget, held tools and templates the file manages
 * @param file where it was declared, for refusals that name its lines
 */
public record TenantDefinition(
    String slug,
    String name,
    List<String> allowedEmailDomains,
    boolean selfSignup,
    boolean emailVerification,
    List<String> admins,
    List<OidcProviderDefinition> oidcProviders,
    TenantRateLimits rateLimits,
    TenantFileSettings files,
    Integer routineMinIntervalMinutes,
    TenantRetention retention,
    DeclaredSettings declared,
    TenantsConfigFile file) {}
