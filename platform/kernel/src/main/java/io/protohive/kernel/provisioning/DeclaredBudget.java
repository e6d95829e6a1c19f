package io.protohive.kernel.provisioning;

/**
 * The tenant's monthly model budget as a tenants-config file declares it.
 *
 * @param unit {@code TOKENS} or {@code MICROS}
 * @param softPercent where the warning comes, in percent of the amount
 */
public record DeclaredBudget(String unit, long amount, int softPercent) {}
