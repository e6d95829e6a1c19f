package io.protohive.kernel.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method's transaction works on one tenant's rows: {@link TenantScope} enters the tenant named
 * by the parameter marked {@link TenantId}, or else by the first {@link TenantBound} parameter,
 * before the method runs. A tenant of {@code null} (a caller without a tenant) enters no scope: the
 * method answers such callers itself, and the database shows it no tenant's rows meanwhile.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InTenant {}
