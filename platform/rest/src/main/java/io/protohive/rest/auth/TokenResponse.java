package io.protohive.rest.auth;

/** An access token for the {@code Authorization: Bearer} header; expiresIn in seconds. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
