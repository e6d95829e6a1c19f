package io.protohive.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON with fields the operation does not know. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException exception) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The request body is not a JSON object with this operation's fields (see /openapi).")
        .toResponse();
  }
}
