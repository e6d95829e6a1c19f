package io.protohive.rest.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * An RFC 9457 problem details body, the shape of every error the API returns.
 *
 * @param errors field → message, for validation errors; null otherwise
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "errors"})
public record Problem(
    String type, String title, int status, String detail, Map<String, String> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://protohive.io/problems/";

  public static Problem of(Response.StatusType status, String detail) {
    return new Problem(
        TYPE_BASE + slug(status.getReasonPhrase()),
        status.getReasonPhrase(),
        status.getStatusCode(),
        detail,
        null);
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }

  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
  }

  private static String slug(String phrase) {
    return phrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }
}
