package io.protohive.rest;

import io.protohive.kernel.observability.PlatformTraces;
import io.protohive.kernel.platform.LogContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request to the platform is a span ({@link PlatformTraces}) and a log scope ({@link
 * LogContext}) with an id, returned in {@code X-Request-Id}: the span's trace id, which is the
 * trace of a {@code traceparent} header the caller sent, so that its logs and traces and ours meet,
 * or a new one. Signing in adds the tenant and user, the API the organization.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLogContext extends HttpFilter {

  public static final String HEADER = "X-Request-Id";

  @Inject PlatformTraces traces;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try (PlatformTraces.Work work =
            traces.request(request.getMethod(), request.getRequestURI(), request::getHeader);
        LogContext context =
            LogContext.open().with("requestId", work.traceId()).with("spanId", work.spanId())) {
      response.setHeader(HEADER, work.traceId());
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException e) {
        work.failed(e);
        throw e;
      } finally {
        work.status(response.getStatus());
      }
    }
  }
}
