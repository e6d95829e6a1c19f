package io.protohive.rest.problem;

import io.protohive.kernel.platform.Rejection;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A request the platform refused, as problem details with the field at fault. */
@Provider
public class RejectionMapper implements ExceptionMapper<Rejection> {

  /** RFC 9110's 422, which Jakarta REST 3.1 does not name. */
  static final Response.StatusType UNPROCESSABLE_CONTENT =
      new Response.StatusType() {
        @Override
        public int getStatusCode() {
          return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
          return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
          return "Unprocessable Content";
        }
      };

  @Override
  public Response toResponse(Rejection rejection) {
    Response.StatusType status = statusOf(rejection.kind());
    Problem problem = Problem.of(status, rejection.getMessage());
    if (rejection.field().isPresent()) {
      problem =
          new Problem(
              problem.type(),
              problem.title(),
              problem.status(),
              problem.detail(),
              Map.of(rejection.field().get(), rejection.getMessage()));
    }
    Response.ResponseBuilder response = problem.toResponseBuilder();
    rejection
        .retryAfter()
        .ifPresent(after -> response.header("Retry-After", Math.max(1, after.toSeconds())));
    if (status == Response.Status.UNAUTHORIZED) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.build();
  }

  public static Response.StatusType statusOf(Rejection.Kind kind) {
    return switch (kind) {
      case INVALID -> Response.Status.BAD_REQUEST;
      case UNAUTHENTICATED -> Response.Status.UNAUTHORIZED;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case CONFLICT -> Response.Status.CONFLICT;
      case UNPROCESSABLE -> UNPROCESSABLE_CONTENT;
      case TOO_LARGE -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
      case TOO_MANY_REQUESTS -> Response.Status.TOO_MANY_REQUESTS;
    };
  }
}
