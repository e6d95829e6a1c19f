package io.protohive.kernel.llm;

import io.protohive.kernel.platform.TenantBound;
import java.util.Objects;
import java.util.UUID;

/**
 * Whom a model call is for: it is metered and budgeted under these ids.
 *
 * @param organizationId, agentId, conversationId, taskId each {@code null} when the call has none
 */
public record CallScope(
    UUID tenantId, UUID organizationId, UUID agentId, UUID conversationId, UUID taskId)
    implements TenantBound {

  public CallScope {
    Objects.requireNonNull(tenantId, "tenantId");
  }

  public static CallScope tenant(UUID tenantId) {
    return new CallScope(tenantId, null, null, null, null);
  }
}
