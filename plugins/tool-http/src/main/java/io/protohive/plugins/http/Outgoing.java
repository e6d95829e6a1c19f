package io.protohive.plugins.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A request the tool is about to send: the one the model asked for, or where a redirect led.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri the absolute URL
 * @param headers the model's headers, which may carry credentials
 * @param body the body to send, {@code null} for none
 * @param contentType the body's media type, {@code null} without a body
 */
record Outgoing(
    String method, URI uri, Map<String, String> headers, String body, String contentType) {

  Outgoing {
    headers = Map.copyOf(headers);
  }

  static Outgoing get(URI uri, Map<String, String> headers) {
    return new Outgoing("GET", uri, headers, null, null);
  }

  static Outgoing post(URI uri, Map<String, String> headers, String body, String contentType) {
    return new Outgoing("POST", uri, headers, body, contentType);
  }

  /**
   * The request to send after the server answered with a redirect to {@code location}. Like
   * browsers, 301, 302 and 303 turn into a GET without body, 307 and 308 repeat the request.
   * Headers only go along to the same origin, since they may hold credentials meant for this server
   * alone.
   */
  Outgoing redirect(URI location, int status) throws ToolFailure {
    Map<String, String> kept = Target.of(uri).equals(Target.of(location)) ? headers : Map.of();
    return status == 307 || status == 308
        ? new Outgoing(method, location, kept, body, contentType)
        : get(location, kept);
  }

  /** The request in {@link java.net.http} form. */
  HttpRequest toHttpRequest(Duration timeout) throws ToolFailure {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        builder.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        // the exception may quote the value, which may be a credential: name the header only
        throw new ToolFailure(
            "The header '" + header.getKey() + "' cannot be sent: it is restricted or malformed.");
      }
    }
    if (body == null) {
      return builder.GET().build();
    }
    try {
      builder.setHeader("Content-Type", contentType);
    } catch (IllegalArgumentException e) {
      throw new ToolFailure("The content type cannot be sent: it is malformed.");
    }
    return builder.method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }
}
