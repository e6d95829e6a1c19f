package io.protohive.llm.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A loopback server that speaks Ollama's native API: {@code POST /api/chat} (whole, or streamed as
 * newline-delimited JSON, which is Ollama's default), {@code POST /api/embed} and {@code GET
 * /api/tags}, with Ollama's {@code {"error":"…"}} bodies. Point a client at {@link #baseUrl()},
 * {@link #enqueue} replies, then read {@link #requests()} and {@link #usage()}.
 *
 * <p>Embeddings need no script: each text gets a unit vector of {@value
 * OllamaBodies#EMBEDDING_DIMENSION} dimensions that depends on it alone ({@link #embeddingOf}), and
 * one input token per word. Script {@link AnthropicOllamaReply#embedding()} only to delay one.
 */
public final class OllamaFakeServer extends AnthropicOllamaFakeServer {

  private volatile List<String> pulledModels =
      List.of("llama3.2:latest", "nomic-embed-text:latest");

  /** 404 for a model the server has not pulled, as Ollama answers chat and embed requests. */
  public static AnthropicOllamaReply modelNotFound(String model) {
    return AnthropicOllamaReply.error(
        404, null, "model \"" + model + "\" not found, try pulling it first");
  }

  /** 500 with Ollama's message, such as a model runner that crashed. */
  public static AnthropicOllamaReply serverError(String message) {
    return AnthropicOllamaReply.error(500, null, message);
  }

  /** 503 when more requests wait than {@code OLLAMA_MAX_QUEUE} allows. */
  public static AnthropicOllamaReply serverBusy() {
    return AnthropicOllamaReply.error(
        503, null, "server busy, please try again.  maximum pending requests exceeded");
  }

  /** The vector this fake answers for a text. */
  public static float[] embeddingOf(String text) {
    return OllamaBodies.embedding(text);
  }

  /** Sets the models {@code GET /api/tags} lists. */
  public void pulledModels(String... models) {
    pulledModels = List.of(models);
  }

  @Override
  protected void respond(ReceivedRequest request, HttpExchange exchange) throws IOException {
    String route = request.method() + " " + request.path();
    switch (route) {
      case "GET /api/tags" -> sendJson(exchange, 200, OllamaBodies.tags(pulledModels), Map.of());
      case "POST /api/chat" -> chat(request.json(), exchange);
      case "POST /api/embed" -> embed(request.json(), exchange);
      default ->
          sendError(exchange, AnthropicOllamaReply.Error.of(404, null, "404 page not found"));
    }
  }

  @Override
  protected String errorBody(AnthropicOllamaReply.Error error) {
    return OllamaBodies.error(error.message());
  }

  @Override
  protected String streamContentType() {
    return "application/x-ndjson";
  }

  private void chat(JsonNode body, HttpExchange exchange) throws IOException {
    if (body.path("model").asText().isEmpty()) {
      sendError(exchange, AnthropicOllamaReply.Error.of(400, null, "model is required"));
      return;
    }
    // Ollama streams unless told not to
    boolean streaming = body.path("stream").asBoolean(true);
    OllamaBodies bodies = new OllamaBodies(body.path("model").asText());
    play(
        exchange,
        Endpoint.CHAT,
        streaming,
        new Answer() {
          @Override
          public void send(AnthropicOllamaReply reply) throws IOException {
            count(reply.inputTokens(), reply.outputTokens());
            if (streaming) {
              stream(exchange, bodies.chatLines(reply), reply.chunkDelay());
            } else {
              sendJson(exchange, 200, bodies.chat(reply), Map.of());
            }
          }

          @Override
          public List<String> streamedError(AnthropicOllamaReply.Error error) {
            return List.of(OllamaBodies.error(error.message()) + "\n");
          }
        });
  }

  private void embed(JsonNode body, HttpExchange exchange) throws IOException {
    List<String> inputs = new ArrayList<>();
    JsonNode input = body.path("input");
    if (input.isArray()) {
      input.forEach(text -> inputs.add(text.asText()));
    } else {
      inputs.add(input.asText());
    }
    int tokens = inputs.stream().mapToInt(OllamaFakeServer::words).sum();
    OllamaBodies bodies = new OllamaBodies(body.path("model").asText());
    play(
        exchange,
        Endpoint.EMBEDDINGS,
        false,
        reply -> {
          count(tokens, 0);
          sendJson(exchange, 200, bodies.embeddings(inputs, tokens), Map.of());
        });
  }

  private static int words(String text) {
    return (int) Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).count();
  }
}
