package io.protohive.plugins.http;

import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The final response of a call, rendered as the JSON the model reads: {@code {"status":200,
 * "headers":{"content-type":"..."},"body":"...","truncated":false}}.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body as read, possibly cut off
 */
record Fetched(int status, HttpHeaders headers, CappedBody.Bytes body) {

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

  String toJson() {
    String shown =
        SHOWN_HEADERS.stream()
            .filter(name -> !headers.allValues(name).isEmpty())
            .map(
                name ->
                    Json.quote(name) + ":" + Json.quote(String.join(", ", headers.allValues(name))))
            .collect(Collectors.joining(",", "{", "}"));
    String text = new String(body.content(), charset());
    return "{\"status\":"
        + status
        + ",\"headers\":"
        + shown
        + ",\"body\":"
        + Json.quote(text)
        + ",\"truncated\":"
        + body.truncated()
        + "}";
  }

  /** The charset the content type names, UTF-8 when it names none or one the JVM lacks. */
  private Charset charset() {
    Optional<String> name =
        headers
            .firstValue("content-type")
            .flatMap(
                type -> {
                  int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
                  return at < 0
                      ? Optional.empty()
                      : Optional.of(type.substring(at + 8).split(";")[0].replace("\"", "").trim());
                });
    try {
      return name.map(Charset::forName).orElse(StandardCharsets.UTF_8);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
