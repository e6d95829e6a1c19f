package io.protohive.rest.openai;

import io.protohive.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Reshapes the problem details that the shared filters and mappers answer (a missing token, a rate
 * limit, a body the guard refuses, a spent budget, an incident) into OpenAI's error shape, which
 * OpenAI's clients read; the status and headers stay. So the refusals are decided in one place for
 * both doors, and only worded twice.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class OpenAiErrors implements ContainerResponseFilter {

  /** The kernel's names of fields, as the OpenAI request names them. */
  private static final Map<String, String> PARAMS =
      Map.of(
          "content", "messages",
          "agentId", "model",
          "texts", "input",
          "conversationId", "conversation");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem) {
      response.setEntity(
          OpenAiError.body(problem.detail(), type(problem.status()), param(problem), code(problem)),
          response.getEntityAnnotations(),
          MediaType.APPLICATION_JSON_TYPE);
    }
  }

  private static String param(Problem problem) {
    if (problem.errors() == null || problem.errors().isEmpty()) {
      return null;
    }
    String field = problem.errors().keySet().iterator().next();
    return PARAMS.getOrDefault(field, field);
  }

  static String type(int status) {
    return switch (status) {
      case 401 -> "authentication_error";
      case 402 -> "insufficient_quota";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> status >= 500 ? "server_error" : "invalid_request_error";
    };
  }

  private static String code(Problem problem) {
    return switch (problem.status()) {
      case 401 -> "invalid_api_key";
      case 402 -> "insufficient_quota";
      case 404 -> "not_found";
      case 429 -> "rate_limit_exceeded";
      default -> null;
    };
  }
}
