package io.protohive.kernel.system;

import java.time.LocalDate;
import java.util.List;

/**
 * The platform's activity over a range of days (UTC, both included): each day, every tenant's
 * summed (or the one asked for), and each tenant's over the whole range, busiest first.
 */
public record Analytics(
    LocalDate from, LocalDate to, List<ActivityDay> days, List<TenantActivity> tenants) {}
