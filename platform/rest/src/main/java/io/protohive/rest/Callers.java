package io.protohive.rest;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.AccessTokens;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller an access token names: its subject and its tenant. */
public final class Callers {

  private Callers() {}

  public static Caller of(JsonWebToken token) {
    String tenant = token.getClaim(AccessTokens.TENANT_CLAIM);
    return new Caller(
        UUID.fromString(token.getSubject()), tenant == null ? null : UUID.fromString(tenant));
  }
}
