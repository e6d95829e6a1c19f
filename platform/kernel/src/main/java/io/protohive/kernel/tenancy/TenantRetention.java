package io.protohive.kernel.tenancy;

/**
 * How many days a tenant keeps each kind of its data before the daily purge deletes it; {@code
 * null} where the platform's default holds (kept for good, and for files the bin's {@code
 * protohive.files.retention-days}).
 *
 * @param messagesDays conversations' messages, by when they were written
 * @param eventsDays conversation events (what a socket resumes from) and finished webhook
 *     deliveries
 * @param auditDays the audit trail
 * @param filesDays files in the bin, by when they were binned
 * @param usageDays model calls' metering rows (budgets keep their own running totals)
 */
public record TenantRetention(
    Integer messagesDays,
    Integer eventsDays,
    Integer auditDays,
    Integer filesDays,
    Integer usageDays) {

  public static final TenantRetention DEFAULTS = new TenantRetention(null, null, null, null, null);
}
