package io.protohive.rest.auth;

import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.platform.LogContext;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * The API's one door check: every request but those to a {@link PermitAll} resource carries an
 * access token or an API token that {@link AccessTokenVerifier} admits, the check the socket uses
 * too, and an API token has the scope the request needs ({@link WriteScope}). Besides the
 * signature, issuer, audience and expiry, it refuses a token whose account was disabled or whose
 * sessions ended since it was issued. What the caller may do is the kernel's to decide, in the use
 * case it calls.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessTokenFilter implements ContainerRequestFilter {

  private static final String BEARER = "Bearer ";

  @Inject AccessTokenVerifier tokens;
  @Inject SignedIn signedIn;
  @Context ResourceInfo resource;
  @Context HttpServletRequest address;

  @Override
  public void filter(ContainerRequestContext request) {
    boolean open = isPublic();
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      if (!open) {
        throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
      }
      return;
    }
    try {
      if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
      }
      AccessTokenVerifier.Verified verified =
          tokens.verify(header.substring(BEARER.length()).trim(), address.getRemoteAddr());
      // the caller is known before the scope is checked, so that a refusal is audited as theirs
      signedIn.verified(verified.caller());
      LogContext.put(
          "organizationId", request.getUriInfo().getPathParameters().getFirst("organizationId"));
      if (!open) {
        verified.require(scopeFor(request.getMethod()));
      }
    } catch (Rejection refused) {
      // a public resource serves a caller whose token does not pass as it serves anyone
      if (!open) {
        throw refused;
      }
    }
  }

  /** What the request needs of a token: reading, or the scope its resource names for changes. */
  private Scope scopeFor(String method) {
    if (HttpMethod.GET.equals(method)
        || HttpMethod.HEAD.equals(method)
        || HttpMethod.OPTIONS.equals(method)) {
      return Scope.READ;
    }
    Method handler = resource.getResourceMethod();
    WriteScope named =
        handler == null
            ? null
            : Optional.ofNullable(handler.getAnnotation(WriteScope.class))
                .orElseGet(() -> resource.getResourceClass().getAnnotation(WriteScope.class));
    return named == null ? Scope.ADMIN : named.value();
  }

  private boolean isPublic() {
    return resource.getResourceMethod() != null
        && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
            || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
  }
}
