package io.protohive.rest.auth;

import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.identity.token.AccessTokens;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a signed, unexpired access token whose account was disabled or whose sessions were ended
 * since it was issued (password reset or change, sign-out everywhere): the JWT alone cannot know.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionStandingFilter implements ContainerRequestFilter {

  @Inject AccountStandings standings;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
      return;
    }
    if (!standings.admits(UUID.fromString(token.getSubject()), generation(token))) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccountStandings.SESSION_ENDED);
    }
  }

  private static long generation(JsonWebToken token) {
    Object claim = token.getClaim(AccessTokens.GENERATION_CLAIM);
    if (claim instanceof JsonNumber number) {
      return number.longValue();
    }
    return claim instanceof Number number ? number.longValue() : 0;
  }
}
