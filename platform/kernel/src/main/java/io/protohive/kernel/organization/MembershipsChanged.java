package io.protohive.kernel.organization;

import java.util.UUID;

/**
 * Fired, in its transaction, when someone may have lost access to an organization of a tenant: a
 * member removed, a role changed, an organization deleted. Whoever keeps access decisions drops the
 * tenant's.
 */
public record MembershipsChanged(UUID tenantId) {}
