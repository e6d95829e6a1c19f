package io.protohive.llm.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that speaks Anthropic's Messages API ({@code POST /v1/messages}), blocking JSON
 * and streamed server-sent events, with the errors the service really sends. Point a client at
 * {@link #apiUrl()}, {@link #enqueue} replies, then read {@link #requests()} and {@link #usage()}.
 *
 * <p>Like the service it refuses requests without the {@code x-api-key} or {@code
 * anthropic-version} header, or without {@code model}, {@code max_tokens} or {@code messages},
 * before taking a scripted reply. It accepts any key: tests read the one sent from {@link
 * #lastRequest()}.
 */
public final class AnthropicFakeServer extends AnthropicOllamaFakeServer {

  private static final String MESSAGES = "/v1/messages";

  private final AtomicLong messages = new AtomicLong();

  /** The base URL a client is configured with, the root plus {@code /v1}. */
  public String apiUrl() {
    return baseUrl() + "/v1";
  }

  /** 429 {@code rate_limit_error} with a {@code retry-after} header. */
  public static AnthropicOllamaReply rateLimitError() {
    return AnthropicOllamaReply.error(
            429,
            "rate_limit_error",
            "Number of request tokens has exceeded your per-minute rate limit"
                + " (https://docs.anthropic.com/en/api/rate-limits); see the response headers"
                + " for current usage. Please reduce the prompt length or the maximum tokens"
                + " requested, or try again later.")
        .withRetryAfter(Duration.ofSeconds(30));
  }

  /** 500 {@code api_error}: an unexpected error inside Anthropic's systems. */
  public static AnthropicOllamaReply apiError() {
    return AnthropicOllamaReply.error(500, "api_error", "Internal server error");
  }

  /** 529 {@code overloaded_error}: the API is temporarily overloaded. */
  public static AnthropicOllamaReply overloadedError() {
    return AnthropicOllamaReply.error(529, "overloaded_error", "Overloaded");
  }

  /** 400 {@code invalid_request_error} with the service's explanation. */
  public static AnthropicOllamaReply invalidRequestError(String message) {
    return AnthropicOllamaReply.error(400, "invalid_request_error", message);
  }

  /** 401 {@code authentication_error} for a wrong key. */
  public static AnthropicOllamaReply authenticationError() {
    return AnthropicOllamaReply.error(401, "authentication_error", "invalid x-api-key");
  }

  @Override
  protected void respond(ReceivedRequest request, HttpExchange exchange) throws IOException {
    if (!request.method().equals("POST") || !request.path().equals(MESSAGES)) {
      refuse(exchange, 404, "not_found_error", "Not Found");
      return;
    }
    if (request.header("x-api-key") == null) {
      refuse(exchange, 401, "authentication_error", "x-api-key header is required");
      return;
    }
    if (request.header("anthropic-version") == null) {
      refuse(exchange, 400, "invalid_request_error", "anthropic-version: header is required");
      return;
    }
    JsonNode body = request.json();
    for (String field : List.of("model", "max_tokens", "messages")) {
      if (body.path(field).isMissingNode()) {
        refuse(exchange, 400, "invalid_request_error", field + ": Field required");
        return;
      }
    }
    boolean streaming = body.path("stream").asBoolean(false);
    AnthropicBodies bodies =
        new AnthropicBodies("msg_fake" + messages.incrementAndGet(), body.path("model").asText());
    play(
        exchange,
        Endpoint.CHAT,
        streaming,
        new Answer() {
          @Override
          public void send(AnthropicOllamaReply reply) throws IOException {
            count(reply.inputTokens(), reply.outputTokens());
            if (streaming) {
              stream(exchange, bodies.events(reply), reply.chunkDelay());
            } else {
              sendJson(exchange, 200, bodies.message(reply), Map.of());
            }
          }

          @Override
          public List<String> streamedError(AnthropicOllamaReply.Error error) {
            return bodies.streamedError(error);
          }
        });
  }

  @Override
  protected String errorBody(AnthropicOllamaReply.Error error) {
    return AnthropicBodies.error(error).put("request_id", "req_fake" + messages.get()).toString();
  }

  @Override
  protected String streamContentType() {
    return "text/event-stream; charset=utf-8";
  }

  private void refuse(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    sendError(exchange, AnthropicOllamaReply.Error.of(status, type, message));
  }
}
