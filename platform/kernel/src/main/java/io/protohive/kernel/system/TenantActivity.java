package io.protohive.kernel.system;

import java.util.UUID;

/**
 * A tenant's activity over a range of days.
 *
 * @param activePeople distinct people and service accounts active on any day of the range
 * @param activeAgents distinct agents that called a model on any day of the range
 */
public record TenantActivity(
    UUID tenantId,
    String slug,
    String name,
    long activePeople,
    long activeAgents,
    long modelCalls,
    long tokens,
    long costMicros) {}
