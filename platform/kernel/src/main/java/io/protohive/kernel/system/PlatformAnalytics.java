package io.protohive.kernel.system;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Usage, active people and active agents per tenant over time, for platform admins. Counted from
 * the rows themselves, so a tenant's retention bounds how far back its figures reach.
 */
@ApplicationScoped
public class PlatformAnalytics {

  /** The longest range asked at once: a year, leap day included. */
  static final int MAX_DAYS = 366;

  @Inject Authorization authorization;
  @Inject TenantDirectory tenants;
  @Inject ActivityStore store;

  /**
   * The activity of every tenant, or of the one given, on the days from the first to the last.
   *
   * @throws Rejection unless a platform admin asks, when the range is not one of 1 to {@value
   *     #MAX_DAYS} days, or when the tenant is unknown
   */
  public Analytics activity(Caller caller, LocalDate from, LocalDate to, UUID tenantId) {
    authorization.platformAdmin(caller);
    if (from == null || to == null || from.isAfter(to)) {
      throw Rejection.invalid("from", "Choose a first day on or before the last day.");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw Rejection.invalid("to", "Choose at most " + MAX_DAYS + " days.");
    }
    List<TenantSummary> counted = counted(tenantId);
    Instant start = from.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Map<LocalDate, ActivityDay> days = new LinkedHashMap<>();
    from.datesUntil(to.plusDays(1)).forEach(day -> days.put(day, ActivityDay.none(day)));
    List<TenantActivity> activities = new ArrayList<>();
    for (TenantSummary tenant : counted) {
      for (ActivityDay day : store.days(tenant.id(), start, end)) {
        days.merge(day.day(), day, ActivityDay::plus);
      }
      long[] range = store.range(tenant.id(), start, end);
      activities.add(
          new TenantActivity(
              tenant.id(),
              tenant.slug(),
              tenant.name(),
              range[0],
              range[1],
              range[2],
              range[3],
              range[4]));
    }
    activities.sort(
        Comparator.comparingLong(TenantActivity::activePeople)
            .thenComparingLong(TenantActivity::modelCalls)
            .reversed()
            .thenComparing(TenantActivity::slug));
    return new Analytics(from, to, List.copyOf(days.values()), List.copyOf(activities));
  }

  private List<TenantSummary> counted(UUID tenantId) {
    if (tenantId == null) {
      return tenants.summaries();
    }
    return List.of(
        tenants
            .summary(tenantId)
            .orElseThrow(() -> Rejection.of(Rejection.Kind.NOT_FOUND, "No such tenant.")));
  }
}
