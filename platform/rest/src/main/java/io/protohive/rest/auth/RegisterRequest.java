package io.protohive.rest.auth;

/** Sign-up in a tenant that allows it. */
public record RegisterRequest(String email, String password, String displayName, String tenant) {}
