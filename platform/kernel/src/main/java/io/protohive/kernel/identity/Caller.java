package io.protohive.kernel.identity;

import io.protohive.kernel.platform.TenantBound;
import java.util.UUID;

/**
 * Who is asking, as established by authentication: the API takes it from the access token, the UI
 * from its server-side session. Services act for a caller and only ever within its tenant.
 *
 * @param tenantId empty ({@code null}) for platform admins, who belong to no tenant
 */
public record Caller(UUID userId, UUID tenantId) implements TenantBound {}
