package io.protohive.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the framework's HTTP errors (404, 405, 415...) into problem details. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response.StatusType status = exception.getResponse().getStatusInfo();
    String detail =
        switch (status.getStatusCode()) {
          case 404 -> "No resource at this address.";
          case 405 -> "This method is not allowed on this resource.";
          case 406 -> "This resource cannot produce the requested media type.";
          case 415 -> "This media type is not supported here; send application/json.";
          default -> status.getReasonPhrase();
        };
    return Problem.of(status, detail).toResponse();
  }
}
