package io.protohive.rest.mcp;

import io.protohive.kernel.identity.token.AccessTokenVerifier;
import io.protohive.kernel.identity.token.Scope;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.ratelimit.RateLimitDecision;
import io.protohive.kernel.ratelimit.RateLimits;
import io.protohive.rest.audit.RequestAudit;
import io.protohive.rest.problem.RejectionMapper;
import io.protohive.rest.ratelimit.RateLimitFilter;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The MCP server's door check, the API's own: every request carries a bearer token that {@link
 * AccessTokenVerifier} admits with the {@code read} scope, and is held to its caller's and tenant's
 * rate limits, which its answer states in the API's {@code RateLimit} headers. A refused request
 * gets the API's problem details ({@code 401} with {@code WWW-Authenticate: Bearer}, or {@code 429}
 * with {@code Retry-After}); an admitted one carries its caller and scopes to the tool handlers as
 * a request attribute, which ends with the request. An admitted request is audited as the API's are
 * ({@link RequestAudit}).
 */
@WebFilter(urlPatterns = McpEndpoint.PATH, asyncSupported = true)
public class McpDoor extends HttpFilter {

  /** The request attribute that holds the verified token: its caller and scopes. */
  static final String VERIFIED = McpDoor.class.getName() + ".verified";

  private static final String BEARER = "Bearer ";
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject AccessTokenVerifier tokens;
  @Inject RateLimits limits;
  @Inject RequestAudit audit;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    AccessTokenVerifier.Verified verified;
    try {
      verified = verified(request.getHeader("Authorization"), request.getRemoteAddr());
    } catch (Rejection refused) {
      refuse(response, refused);
      return;
    }
    List<RateLimitDecision> decisions = limits.authenticated(verified.caller());
    response.setHeader("RateLimit-Policy", RateLimitFilter.policies(decisions));
    response.setHeader("RateLimit", RateLimitFilter.states(decisions));
    RateLimitDecision last = decisions.get(decisions.size() - 1);
    if (!last.allowed()) {
      refuse(response, RateLimits.refusal(last));
      return;
    }
    request.setAttribute(VERIFIED, verified);
    RequestAudit.Seen seen =
        audit.seen(
            verified.caller(),
            request.getHeader("Authorization"),
            request.getMethod(),
            McpEndpoint.PATH,
            null,
            null,
            request.getRemoteAddr());
    chain.doFilter(request, response);
    if (seen != null) {
      audit.record(seen, response.getStatus(), null);
    }
  }

  /** The token's check; every MCP request reads, and the tools that change more ask for more. */
  private AccessTokenVerifier.Verified verified(String header, String address) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw Rejection.of(Rejection.Kind.UNAUTHENTICATED, AccessTokenVerifier.INVALID);
    }
    AccessTokenVerifier.Verified verified =
        tokens.verify(header.substring(BEARER.length()).trim(), address);
    verified.require(Scope.READ);
    return verified;
  }

  /** Answers as the API answers the same rejection. */
  private static void refuse(HttpServletResponse response, Rejection refused) throws IOException {
    Response problem = new RejectionMapper().toResponse(refused);
    response.setStatus(problem.getStatus());
    problem
        .getStringHeaders()
        .forEach(
            (name, values) -> {
              if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
              }
            });
    response.setContentType(problem.getMediaType().toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.toJson(problem.getEntity()));
  }
}
