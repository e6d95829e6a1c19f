package io.protohive.rest.problem;

import io.protohive.kernel.llm.LlmUnavailable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No provider of the tenant's route answered: 503, saying what each one did. */
@Provider
public class LlmUnavailableMapper implements ExceptionMapper<LlmUnavailable> {

  @Override
  public Response toResponse(LlmUnavailable exception) {
    return Problem.of(Response.Status.SERVICE_UNAVAILABLE, exception.getMessage()).toResponse();
  }
}
