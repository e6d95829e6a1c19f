package io.protohive.kernel.platform;

import java.util.UUID;

/**
 * An argument that says whose rows a transaction works on, so that {@link InTenant} can enter its
 * tenant: the caller, a task's session, a model call's scope.
 */
public interface TenantBound {

  /** The tenant, or {@code null} for a caller who belongs to none (a platform admin). */
  UUID tenantId();
}
