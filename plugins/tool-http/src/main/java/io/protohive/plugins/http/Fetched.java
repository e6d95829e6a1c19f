package io.protohive.plugins.http;

import io.protohive.plugin.api.HttpFetch;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The final response of a call, rendered as the JSON the model reads: {@code {"status":200,
 * "headers":{"content-type":"..."},"body":"...","truncated":false}}.
 */
final class Fetched {

  /**
   * The response headers the model gets to see. An allow-list rather than all of them, because
   * headers such as {@code Set-Cookie} carry session credentials that do not belong in a
   * conversation transcript.
   */
  private static final List<String> SHOWN_HEADERS =
      List.of(
          "content-type",
          "content-length",
          "content-language",
          "content-disposition",
          "cache-control",
          "etag",
          "expires",
          "last-modified",
          "location",
          "retry-after");

  private Fetched() {}

  static String toJson(HttpFetch.Response response) {
    String shown =
        SHOWN_HEADERS.stream()
            .filter(name -> !response.headers().allValues(name).isEmpty())
            .map(
                name ->
                    Json.quote(name)
                        + ":"
                        + Json.quote(String.join(", ", response.headers().allValues(name))))
            .collect(Collectors.joining(",", "{", "}"));
    return "{\"status\":"
        + response.status()
        + ",\"headers\":"
        + shown
        + ",\"body\":"
        + Json.quote(response.text())
        + ",\"truncated\":"
        + response.truncated()
        + "}";
  }
}
