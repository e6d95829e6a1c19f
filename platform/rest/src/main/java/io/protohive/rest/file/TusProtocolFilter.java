package io.protohive.rest.file;

import io.protohive.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Every tus request but OPTIONS names the protocol's version, 1.0.0, and is refused with 412
 * otherwise; every answer names it, errors included, and none is cached.
 */
@Provider
@TusProtocol
@Priority(Priorities.HEADER_DECORATOR)
public class TusProtocolFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMethod().equals(HttpMethod.OPTIONS)
        || Tus.VERSION.equals(request.getHeaderString(Tus.RESUMABLE))) {
      return;
    }
    request.abortWith(
        Problem.of(
                Response.Status.PRECONDITION_FAILED,
                "Name the tus version this server speaks: " + Tus.RESUMABLE + ": " + Tus.VERSION)
            .toResponseBuilder()
            .header("Tus-Version", Tus.VERSION)
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle(Tus.RESUMABLE, Tus.VERSION);
    response.getHeaders().putSingle("Cache-Control", "no-store");
  }
}
