package io.protohive.rest.auth;

import io.protohive.kernel.identity.token.Scope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API token needs for the changes a resource (or one of its methods) makes. Reading
 * needs {@link Scope#READ}; a change whose resource names no scope needs {@link Scope#ADMIN}, so a
 * new resource is closed to narrow tokens until it says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WriteScope {
  Scope value();
}
