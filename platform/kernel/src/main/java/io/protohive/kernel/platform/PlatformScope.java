package io.protohive.kernel.platform;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Enters the platform scope for an {@link AsPlatform} method. It runs after the transaction
 * interceptor, inside the transaction, which the scope it enters lasts for.
 */
@AsPlatform
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class PlatformScope {

  @Inject DatabaseScope scope;

  @AroundInvoke
  Object enter(InvocationContext invocation) throws Exception {
    scope.platform(DatabaseScope.work(invocation.getMethod()));
    return invocation.proceed();
  }
}
