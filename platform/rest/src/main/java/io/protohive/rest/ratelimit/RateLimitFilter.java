package io.protohive.rest.ratelimit;

import io.protohive.kernel.ratelimit.RateLimitDecision;
import io.protohive.kernel.ratelimit.RateLimits;
import io.protohive.rest.auth.SignedIn;
import io.protohive.rest.problem.RejectionMapper;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Holds every API request to the platform's rate limits: an anonymous one (signing in or up,
 * recovering a password, starting an OIDC sign-in) to its source address's, an authenticated one to
 * its caller's and its tenant's. A refused request answers 429 with {@code Retry-After}; every
 * answer carries the {@code RateLimit-Policy} and {@code RateLimit} headers of
 * draft-ietf-httpapi-ratelimit-headers.
 */
@Provider
@ApplicationScoped
// after the caller is known, whose limits apply
@Priority(Priorities.AUTHENTICATION + 100)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String DECISIONS = RateLimitFilter.class.getName() + ".decisions";

  @Inject RateLimits limits;
  @Inject SignedIn signedIn;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    List<RateLimitDecision> decisions =
        signedIn
            .ifAny()
            .map(limits::authenticated)
            .orElseGet(() -> List.of(limits.anonymous(request.getRemoteAddr())));
    context.setProperty(DECISIONS, decisions);
    RateLimitDecision last = decisions.get(decisions.size() - 1);
    if (!last.allowed()) {
      context.abortWith(new RejectionMapper().toResponse(RateLimits.refusal(last)));
    }
  }

  @Override
  public void filter(ContainerRequestContext context, ContainerResponseContext response) {
    if (context.getProperty(DECISIONS) instanceof List<?> taken && !taken.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<RateLimitDecision> decisions = (List<RateLimitDecision>) taken;
      response.getHeaders().putSingle("RateLimit-Policy", policies(decisions));
      response.getHeaders().putSingle("RateLimit", states(decisions));
    }
  }

  /** Each limit as a structured field item: {@code "user";q=600;w=60}. */
  public static String policies(List<RateLimitDecision> decisions) {
    return decisions.stream()
        .map(
            d ->
                "\""
                    + d.limit().policy()
                    + "\";q="
                    + d.limit().quota()
                    + ";w="
                    + d.limit().window().toSeconds())
        .collect(Collectors.joining(", "));
  }

  /** What is left of each limit and when it is whole again: {@code "user";r=599;t=1}. */
  public static String states(List<RateLimitDecision> decisions) {
    return decisions.stream()
        .map(
            d ->
                "\""
                    + d.limit().policy()
                    + "\";r="
                    + d.remaining()
                    + ";t="
                    + RateLimits.seconds(d.reset()))
        .collect(Collectors.joining(", "));
  }
}
