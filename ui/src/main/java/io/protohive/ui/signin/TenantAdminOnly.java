package io.protohive.ui.signin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.identity.Caller;
import jakarta.enterprise.inject.spi.CDI;

/** A view for the admins of the signed-in person's tenant. */
public interface TenantAdminOnly extends RoleOnly {

  @Override
  default boolean admits(Caller caller) {
    return CDI.current().select(Authorization.class).get().isTenantAdmin(caller);
  }
}
