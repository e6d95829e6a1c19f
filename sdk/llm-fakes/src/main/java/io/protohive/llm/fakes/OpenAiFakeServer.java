package io.protohive.llm.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that speaks OpenAI's Chat Completions ({@value #CHAT_PATH}, blocking and
 * streamed as server-sent events) and Embeddings ({@value #EMBEDDINGS_PATH}) APIs, including tool
 * calls, {@code usage} and OpenAI's error bodies, so that real clients can be tested offline.
 *
 * <pre>{@code
 * try (OpenAiFakeServer openAi = new OpenAiFakeServer()) {
 *   openAi.enqueue(OpenAiReply.text("Hello there", 12, 2), OpenAiReply.serverError());
 *   // point the client at openAi.apiBaseUrl(), call it, then:
 *   openAi.lastRequest().header("Authorization");
 *   openAi.reportedUsage().totalTokens();
 * }
 * }</pre>
 *
 * <p>Scripted replies are used in order, one per request; without one, chat requests get {@link
 * #replyByDefault the default reply} and embedding requests deterministic unit vectors. Streams end
 * with a {@code usage} chunk only when the request asks for it with {@code
 * stream_options.include_usage}, as OpenAI does. Thread-safe.
 */
public final class OpenAiFakeServer extends FakeHttpServer {

  public static final String CHAT_PATH = "/v1/chat/completions";
  public static final String EMBEDDINGS_PATH = "/v1/embeddings";

  /** The size of text-embedding-3-small's vectors, used unless a request asks for others. */
  public static final int DEFAULT_DIMENSIONS = 1536;

  /** How many characters of tool call arguments one streamed chunk carries. */
  private static final int ARGUMENTS_FRAGMENT = 8;

  private static final Set<OpenAiReply.Kind> CHAT_KINDS =
      EnumSet.of(
          OpenAiReply.Kind.TEXT,
          OpenAiReply.Kind.TOOL_CALLS,
          OpenAiReply.Kind.ERROR,
          OpenAiReply.Kind.HANG);
  private static final Set<OpenAiReply.Kind> EMBEDDING_KINDS =
      EnumSet.of(OpenAiReply.Kind.EMBEDDING, OpenAiReply.Kind.ERROR, OpenAiReply.Kind.HANG);

  private final Queue<OpenAiReply> chatReplies = new ConcurrentLinkedQueue<>();
  private final Queue<OpenAiReply> embeddingReplies = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicLong chatCalls = new AtomicLong();
  private final AtomicLong embeddingCalls = new AtomicLong();
  private final AtomicLong promptTokens = new AtomicLong();
  private final AtomicLong completionTokens = new AtomicLong();
  private volatile OpenAiReply defaultReply =
      OpenAiReply.text("Hello from the fake OpenAI server.");
  private volatile String requiredApiKey;

  /** The base URL an OpenAI client is configured with: the root plus {@code /v1}. */
  public String apiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /** Scripts the answers to the next chat completion requests, in order. */
  public OpenAiFakeServer enqueue(OpenAiReply... replies) {
    return enqueue(chatReplies, CHAT_KINDS, replies);
  }

  /** Scripts the answers to the next embedding requests, in order. */
  public OpenAiFakeServer enqueueEmbedding(OpenAiReply... replies) {
    return enqueue(embeddingReplies, EMBEDDING_KINDS, replies);
  }

  /** The chat answer used while nothing is scripted. */
  public OpenAiFakeServer replyByDefault(OpenAiReply reply) {
    requireKind(CHAT_KINDS, reply);
    defaultReply = reply;
    return this;
  }

  /**
   * Answers every request whose {@code Authorization} is not {@code Bearer <apiKey>} with 401, as
   * OpenAI does; by default any key, or none, is accepted.
   */
  public OpenAiFakeServer requireApiKey(String apiKey) {
    requiredApiKey = apiKey;
    return this;
  }

  /** Requests received at {@value #CHAT_PATH}, answered or not. */
  public long chatCompletionCalls() {
    return chatCalls.get();
  }

  /** Requests received at {@value #EMBEDDINGS_PATH}, answered or not. */
  public long embeddingCalls() {
    return embeddingCalls.get();
  }

  /** The sum of every {@code usage} the server has sent. */
  public OpenAiUsage reportedUsage() {
    return new OpenAiUsage(promptTokens.get(), completionTokens.get());
  }

  @Override
  protected void respond(ReceivedRequest request, HttpExchange exchange) throws IOException {
    String route = request.method() + " " + request.path();
    if (route.equals("POST " + CHAT_PATH)) {
      chatCalls.incrementAndGet();
      if (authorized(request, exchange)) {
        chat(request, exchange);
      }
    } else if (route.equals("POST " + EMBEDDINGS_PATH)) {
      embeddingCalls.incrementAndGet();
      if (authorized(request, exchange)) {
        embeddings(request, exchange);
      }
    } else {
      sendError(exchange, 404, "Invalid URL (" + route + ")", "invalid_request_error", null);
    }
  }

  private void chat(ReceivedRequest request, HttpExchange exchange) throws IOException {
    OpenAiReply reply = next(chatReplies, defaultReply);
    if (answeredWithFailure(reply, exchange)) {
      return;
    }
    JsonNode body = request.json();
    OpenAiBodies bodies =
        new OpenAiBodies("chatcmpl-fake" + ids.incrementAndGet(), body.path("model").asText());
    List<String> callIds =
        reply.toolCalls().stream().map(call -> "call_fake" + ids.incrementAndGet()).toList();
    if (body.path("stream").asBoolean()) {
      boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean();
      stream(bodies, reply, callIds, includeUsage, exchange);
    } else {
      report(reply.promptTokens(), reply.completionTokens());
      sendJson(exchange, 200, bodies.completion(reply, callIds), Map.of());
    }
  }

  private void stream(
      OpenAiBodies bodies,
      OpenAiReply reply,
      List<String> callIds,
      boolean includeUsage,
      HttpExchange exchange)
      throws IOException {
    try (OutputStream out = startStream(exchange, "text/event-stream")) {
      EventStream events = new EventStream(out, reply.chunkDelay());
      events.send(bodies.roleChunk(reply, includeUsage));
      for (String piece : reply.pieces()) {
        events.send(bodies.contentChunk(piece, includeUsage));
      }
      for (int i = 0; i < reply.toolCalls().size(); i++) {
        OpenAiReply.ToolCall call = reply.toolCalls().get(i);
        events.send(bodies.toolCallStartChunk(i, callIds.get(i), call.name(), includeUsage));
        for (String fragment : fragments(call.arguments())) {
          events.send(bodies.toolArgumentsChunk(i, fragment, includeUsage));
        }
      }
      events.send(bodies.finishChunk(reply, includeUsage));
      if (includeUsage) {
        report(reply.promptTokens(), reply.completionTokens());
        events.send(bodies.usageChunk(reply));
      }
      events.send("[DONE]");
    }
  }

  private void embeddings(ReceivedRequest request, HttpExchange exchange) throws IOException {
    OpenAiReply reply = next(embeddingReplies, OpenAiReply.embedding());
    if (answeredWithFailure(reply, exchange)) {
      return;
    }
    JsonNode body = request.json();
    JsonNode input = body.path("input");
    List<String> texts = new ArrayList<>();
    if (input.isArray()) {
      input.forEach(text -> texts.add(text.asText()));
    } else {
      texts.add(input.asText());
    }
    int dimensions = body.path("dimensions").asInt(DEFAULT_DIMENSIONS);
    List<float[]> vectors =
        texts.stream().map(text -> OpenAiBodies.vectorOf(text, dimensions)).toList();
    int tokens = texts.stream().mapToInt(OpenAiFakeServer::words).sum();
    boolean base64 = body.path("encoding_format").asText().equals("base64");
    report(tokens, 0);
    sendJson(
        exchange,
        200,
        OpenAiBodies.embeddings(body.path("model").asText(), vectors, base64, tokens),
        Map.of());
  }

  private boolean authorized(ReceivedRequest request, HttpExchange exchange) throws IOException {
    String key = requiredApiKey;
    if (key == null || ("Bearer " + key).equals(request.header("Authorization"))) {
      return true;
    }
    sendError(exchange, OpenAiReply.invalidApiKey());
    return false;
  }

  /**
   * Waits for the reply's first byte, then answers it if it is an error or a hang.
   *
   * @return whether the request is answered
   */
  private boolean answeredWithFailure(OpenAiReply reply, HttpExchange exchange) throws IOException {
    pause(reply.firstByteDelay());
    switch (reply.kind()) {
      case HANG -> hangUntilClosed();
      case ERROR -> sendError(exchange, reply);
      default -> {
        return false;
      }
    }
    return true;
  }

  private void report(int prompt, int completion) {
    // before sending, so that a client never sees usage the counters do not hold yet
    promptTokens.addAndGet(prompt);
    completionTokens.addAndGet(completion);
  }

  private static void sendError(HttpExchange exchange, OpenAiReply reply) throws IOException {
    OpenAiReply.ApiError error = reply.error();
    sendJson(
        exchange,
        error.status(),
        OpenAiBodies.error(error.message(), error.type(), error.code()),
        reply.headers());
  }

  private static void sendError(
      HttpExchange exchange, int status, String message, String type, String code)
      throws IOException {
    sendJson(exchange, status, OpenAiBodies.error(message, type, code), Map.of());
  }

  private OpenAiFakeServer enqueue(
      Queue<OpenAiReply> queue, Set<OpenAiReply.Kind> kinds, OpenAiReply... replies) {
    for (OpenAiReply reply : replies) {
      requireKind(kinds, reply);
    }
    queue.addAll(List.of(replies));
    return this;
  }

  private static void requireKind(Set<OpenAiReply.Kind> kinds, OpenAiReply reply) {
    if (!kinds.contains(reply.kind())) {
      throw new IllegalArgumentException(
          reply + " cannot answer this endpoint; use one of " + kinds);
    }
  }

  private static OpenAiReply next(Queue<OpenAiReply> queue, OpenAiReply fallback) {
    OpenAiReply reply = queue.poll();
    return reply != null ? reply : fallback;
  }

  /** Splits arguments into streamed fragments without cutting a surrogate pair. */
  private static List<String> fragments(String text) {
    List<String> fragments = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + ARGUMENTS_FRAGMENT);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      fragments.add(text.substring(start, end));
      start = end;
    }
    return fragments;
  }

  /** OpenAI's token counts are not reproducible offline; words are a stable stand-in. */
  private static int words(String text) {
    return text.isBlank() ? 1 : text.trim().split("\\s+").length;
  }

  /** Writes {@code data:} events, flushing each and pausing between them. */
  private final class EventStream {
    private final OutputStream out;
    private final Duration delay;
    private boolean first = true;

    EventStream(OutputStream out, Duration delay) {
      this.out = out;
      this.delay = delay;
    }

    void send(String data) throws IOException {
      if (!first) {
        pause(delay);
      }
      first = false;
      out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
