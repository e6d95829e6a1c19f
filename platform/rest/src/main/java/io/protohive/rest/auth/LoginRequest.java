package io.protohive.rest.auth;

/**
 * Email and password sign-in.
 *
 * @param tenant the tenant's slug; may be left out when the email is unique
 */
public record LoginRequest(String email, String password, String tenant) {}
