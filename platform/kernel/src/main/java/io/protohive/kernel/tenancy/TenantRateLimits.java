package io.protohive.kernel.tenancy;

/**
 * A tenant's own rate limits, in requests or model calls per minute; {@code null} where the
 * platform's default holds.
 *
 * @param user API requests of each of its people
 * @param tenant API requests of all its people together
 * @param llm model calls of the tenant
 */
public record TenantRateLimits(Integer user, Integer tenant, Integer llm) {

  public static final TenantRateLimits NONE = new TenantRateLimits(null, null, null);
}
