package io.protohive.kernel.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Parameter;
import java.util.UUID;

/**
 * Enters the tenant of an {@link InTenant} method. It runs after the transaction interceptor,
 * inside the transaction, which the scope it enters lasts for.
 */
@InTenant
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class TenantScope {

  @Inject DatabaseScope scope;

  @AroundInvoke
  Object enter(InvocationContext invocation) throws Exception {
    UUID tenantId = tenantOf(invocation);
    if (tenantId != null) {
      scope.tenant(tenantId, DatabaseScope.work(invocation.getMethod()));
    }
    return invocation.proceed();
  }

  private static UUID tenantOf(InvocationContext invocation) {
    Parameter[] parameters = invocation.getMethod().getParameters();
    Object[] arguments = invocation.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].isAnnotationPresent(TenantId.class)) {
        return (UUID) arguments[i];
      }
    }
    for (int i = 0; i < parameters.length; i++) {
      if (TenantBound.class.isAssignableFrom(parameters[i].getType())) {
        if (arguments[i] == null) {
          throw new IllegalStateException(
              invocation.getMethod() + " is called without the argument that names its tenant");
        }
        return ((TenantBound) arguments[i]).tenantId();
      }
    }
    throw new IllegalStateException(
        invocation.getMethod() + " is @InTenant but takes neither a @TenantId nor a TenantBound");
  }
}
