package io.protohive.rest;

import io.protohive.kernel.platform.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request to the platform is a log scope ({@link LogContext}) with an id, returned in {@code
 * X-Request-Id}: the W3C trace id of a {@code traceparent} header the caller sent, so that its logs
 * and ours meet, or a new one. Signing in adds the tenant and user, the API the organization.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLogContext extends HttpFilter {

  public static final String HEADER = "X-Request-Id";

  private static final Pattern TRACE_PARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final String NO_TRACE = "0".repeat(32);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = id(request.getHeader("traceparent"));
    response.setHeader(HEADER, id);
    try (LogContext context = LogContext.open().with("requestId", id)) {
      chain.doFilter(request, response);
    }
  }

  private static String id(String traceParent) {
    if (traceParent != null) {
      Matcher matcher = TRACE_PARENT.matcher(traceParent.strip());
      if (matcher.matches() && !matcher.group(1).equals(NO_TRACE)) {
        return matcher.group(1);
      }
    }
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
