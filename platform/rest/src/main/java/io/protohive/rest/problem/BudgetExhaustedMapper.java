package io.protohive.rest.problem;

import io.protohive.kernel.llm.BudgetExhausted;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A model call refused before it was sent because a budget is spent: 402. */
@Provider
public class BudgetExhaustedMapper implements ExceptionMapper<BudgetExhausted> {

  @Override
  public Response toResponse(BudgetExhausted exception) {
    return Problem.of(Response.Status.PAYMENT_REQUIRED, exception.getMessage()).toResponse();
  }
}
