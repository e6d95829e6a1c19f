package io.protohive.rest.openai;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refusal in OpenAI's error shape, {@code {"error":{"message","type","param","code"}}}, for the
 * cases OpenAI's clients tell apart by {@code code}; every other refusal of this door is the API's
 * problem details, reshaped by {@link OpenAiErrors}.
 */
public final class OpenAiError extends RuntimeException {

  private final int status;
  private final String type;
  private final String param;
  private final String code;

  OpenAiError(int status, String message, String type, String param, String code) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  static OpenAiError invalid(String param, String message) {
    return new OpenAiError(400, message, "invalid_request_error", param, null);
  }

  static OpenAiError modelNotFound(String message) {
    return new OpenAiError(404, message, "invalid_request_error", "model", "model_not_found");
  }

  int status() {
    return status;
  }

  JsonObject body() {
    return body(getMessage(), type, param, code);
  }

  Response toResponse() {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body()).build();
  }

  static JsonObject body(String message, String type, String param, String code) {
    JsonObjectBuilder error = Json.createObjectBuilder().add("message", message).add("type", type);
    if (param == null) {
      error.addNull("param");
    } else {
      error.add("param", param);
    }
    if (code == null) {
      error.addNull("code");
    } else {
      error.add("code", code);
    }
    return Json.createObjectBuilder().add("error", error).build();
  }

  /** Answers the refusal as it is. */
  @Provider
  public static class Mapper implements ExceptionMapper<OpenAiError> {
    @Override
    public Response toResponse(OpenAiError error) {
      return error.toResponse();
    }
  }
}
