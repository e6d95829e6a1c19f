package io.protohive.rest.auth;

import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * The refresh token's cookie: httpOnly so scripts cannot read it, Secure, SameSite=Strict, and sent
 * only to the auth endpoints.
 */
final class RefreshCookie {

  static final String NAME = "protohive_refresh";
  static final String PATH = "/api/v1/auth";

  private RefreshCookie() {}

  static NewCookie of(String token, Instant expiresAt) {
    return builder()
        .value(token)
        .maxAge((int) Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds()))
        .build();
  }

  static NewCookie cleared() {
    return builder().value("").maxAge(0).build();
  }

  private static NewCookie.Builder builder() {
    return new NewCookie.Builder(NAME)
        .path(PATH)
        .httpOnly(true)
        .secure(true)
        .sameSite(NewCookie.SameSite.STRICT);
  }
}
