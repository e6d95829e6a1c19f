package io.protohive.kernel.platform;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The method's transaction reads across tenants (accounts, audit, mail, jobs) or the platform's own
 * tables: {@link PlatformScope} enters the platform scope before the method runs. For sign-in and
 * platform administration only.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AsPlatform {}
