package io.protohive.kernel.retention;

import io.protohive.kernel.tenancy.TenantRetention;
import java.util.function.Function;

/**
 * The kinds of a tenant's data that a retention period applies to, in the order they are purged.
 */
enum RetainedData {
  MESSAGES("messages", TenantRetention::messagesDays, true),
  EVENTS("events", TenantRetention::eventsDays, true),
  // deleted in one statement by the trail's own function
  AUDIT("audit", TenantRetention::auditDays, false),
  // each due file is queued for the file purge, which takes it out of the next batch only later
  FILES("files", TenantRetention::filesDays, false),
  USAGE("usage", TenantRetention::usageDays, true);

  private final String label;
  private final Function<TenantRetention, Integer> days;
  private final boolean batched;

  RetainedData(String label, Function<TenantRetention, Integer> days, boolean batched) {
    this.label = label;
    this.days = days;
    this.batched = batched;
  }

  /** Whether a full batch means more may be left, for another batch to take. */
  boolean batched() {
    return batched;
  }

  /** How it is named in the purge's audit entry. */
  String label() {
    return label;
  }

  /** Its period in the tenant's retention, {@code null} where the tenant keeps it. */
  Integer days(TenantRetention retention) {
    return days.apply(retention);
  }
}
