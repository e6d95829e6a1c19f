package io.protohive.rest.me;

import io.protohive.kernel.identity.token.ApiTokens.IssuedToken;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A token just made, with its secret: the one answer that ever holds it. */
public record CreatedToken(
    UUID id,
    String name,
    List<String> scopes,
    String hint,
    Instant createdAt,
    Instant expiresAt,
    String token) {

  public static CreatedToken of(IssuedToken issued) {
    return new CreatedToken(
        issued.view().id(),
        issued.view().name(),
        issued.view().scopes(),
        issued.view().hint(),
        issued.view().createdAt(),
        issued.view().expiresAt(),
        issued.token());
  }
}
