package io.protohive.rest.auth;

import io.protohive.kernel.identity.token.AccessTokenVerifier;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts every bearer token the server's MP-JWT mechanism admitted through the platform's own check,
 * the one the socket uses too: besides signature, issuer, audience and expiry, it refuses a token
 * whose account was disabled or whose sessions ended since it was issued (password reset or change,
 * sign-out everywhere), which the JWT alone cannot know.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

  @Inject AccessTokenVerifier tokens;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
      tokens.verify(token.getRawToken());
    }
  }
}
