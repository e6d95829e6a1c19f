package io.protohive.llm.fakes;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of {@link OpenAiFakeServer}: a text, tool calls, an embedding, an API error
 * or a hang, with optional delays. Immutable; the {@code with…} methods return changed copies.
 *
 * <p>The same script serves blocking and streaming requests: a text streams piece by piece, tool
 * call arguments in fragments, so one test scenario covers both kinds of client.
 */
public final class OpenAiReply {

  /** What the server sends. */
  public enum Kind {
    TEXT,
    TOOL_CALLS,
    EMBEDDING,
    ERROR,
    HANG
  }

  /**
   * A function call the model asks for.
   *
   * @param name the function, as named in the request's {@code tools}
   * @param arguments the arguments as a JSON object text
   */
  public record ToolCall(String name, String arguments) {
    public ToolCall {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arguments, "arguments");
    }
  }

  /**
   * An API error as OpenAI reports it: {@code {"error":{"message","type","param","code"}}}.
   *
   * @param status the HTTP status
   * @param type such as {@code invalid_request_error}
   * @param code such as {@code rate_limit_exceeded}, or {@code null}
   * @param retryAfter the {@code Retry-After} header's value, or {@code null} for none
   */
  public record ApiError(
      int status, String message, String type, String code, Duration retryAfter) {}

  private static final int DEFAULT_PROMPT_TOKENS = 10;
  private static final int TOKENS_PER_TOOL_CALL = 20;

  private final Kind kind;
  private final List<String> pieces;
  private final List<ToolCall> toolCalls;
  private final ApiError error;
  private final int promptTokens;
  private final int completionTokens;
  private final Duration firstByteDelay;
  private final Duration chunkDelay;

  private OpenAiReply(
      Kind kind,
      List<String> pieces,
      List<ToolCall> toolCalls,
      ApiError error,
      int promptTokens,
      int completionTokens,
      Duration firstByteDelay,
      Duration chunkDelay) {
    this.kind = kind;
    this.pieces = List.copyOf(pieces);
    this.toolCalls = List.copyOf(toolCalls);
    this.error = error;
    this.promptTokens = promptTokens;
    this.completionTokens = completionTokens;
    this.firstByteDelay = firstByteDelay;
    this.chunkDelay = chunkDelay;
  }

  private static OpenAiReply of(
      Kind kind, List<String> pieces, List<ToolCall> calls, ApiError error, int completionTokens) {
    return new OpenAiReply(
        kind,
        pieces,
        calls,
        error,
        DEFAULT_PROMPT_TOKENS,
        completionTokens,
        Duration.ZERO,
        Duration.ZERO);
  }

  private static OpenAiReply of(Kind kind, ApiError error) {
    return of(kind, List.of(), List.of(), error, 0);
  }

  /**
   * A text answer, streamed word by word (each piece keeps its following whitespace), with 10
   * prompt tokens and one completion token per piece until {@link #withUsage} says otherwise.
   */
  public static OpenAiReply text(String text) {
    return pieces(Arrays.asList(text.split("(?<=\\s)(?=\\S)")));
  }

  /** A text answer streamed in exactly these pieces; blocking clients get them joined. */
  public static OpenAiReply pieces(List<String> pieces) {
    return of(Kind.TEXT, pieces, List.of(), null, pieces.size());
  }

  /** A text answer with the given token counts. */
  public static OpenAiReply text(String text, int promptTokens, int completionTokens) {
    return text(text).withUsage(promptTokens, completionTokens);
  }

  /**
   * One function call, finishing with {@code tool_calls}, with 10 prompt and 20 completion tokens
   * until {@link #withUsage} says otherwise.
   */
  public static OpenAiReply toolCall(String name, String arguments) {
    return toolCalls(List.of(new ToolCall(name, arguments)));
  }

  /** Several function calls in one answer, as with parallel tool calls. */
  public static OpenAiReply toolCalls(List<ToolCall> calls) {
    return of(Kind.TOOL_CALLS, List.of(), calls, null, TOKENS_PER_TOOL_CALL * calls.size());
  }

  /**
   * A normal answer to an embeddings request, for scripting delays; without a script the server
   * answers embeddings this way anyway.
   */
  public static OpenAiReply embedding() {
    return of(Kind.EMBEDDING, null);
  }

  /** Any API error. */
  public static OpenAiReply error(int status, String message, String type, String code) {
    return of(Kind.ERROR, new ApiError(status, message, type, code, null));
  }

  /** 400, as for a malformed request. */
  public static OpenAiReply badRequest(String message) {
    return error(400, message, "invalid_request_error", null);
  }

  /** 401 for a wrong or missing key. */
  public static OpenAiReply invalidApiKey() {
    return error(
        401,
        "Incorrect API key provided. You can find your API key at"
            + " https://platform.openai.com/account/api-keys.",
        "invalid_request_error",
        "invalid_api_key");
  }

  /** 429 with a {@code Retry-After} header. */
  public static OpenAiReply rateLimited(Duration retryAfter) {
    String message =
        "Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try"
            + " again in "
            + retryAfter.toSeconds()
            + "s.";
    return of(
        Kind.ERROR, new ApiError(429, message, "requests", "rate_limit_exceeded", retryAfter));
  }

  /** 500, OpenAI's generic server error. */
  public static OpenAiReply serverError() {
    return error(
        500,
        "The server had an error while processing your request. Sorry about that!",
        "server_error",
        null);
  }

  /** 503 when the engine is overloaded. */
  public static OpenAiReply overloaded() {
    return error(
        503, "The engine is currently overloaded, please try again later", "server_error", null);
  }

  /** Accepts the request and never answers until the server is closed. */
  public static OpenAiReply hang() {
    return of(Kind.HANG, null);
  }

  /**
   * The token counts the server reports for this chat answer. Embedding answers report one token
   * per word of their inputs instead.
   */
  public OpenAiReply withUsage(int prompt, int completion) {
    return new OpenAiReply(
        kind, pieces, toolCalls, error, prompt, completion, firstByteDelay, chunkDelay);
  }

  /** Waits this long before the status line: a slow upstream. */
  public OpenAiReply withFirstByteDelay(Duration delay) {
    return new OpenAiReply(
        kind, pieces, toolCalls, error, promptTokens, completionTokens, delay, chunkDelay);
  }

  /** Waits this long between streamed events: a slow generation. */
  public OpenAiReply withChunkDelay(Duration delay) {
    return new OpenAiReply(
        kind, pieces, toolCalls, error, promptTokens, completionTokens, firstByteDelay, delay);
  }

  public Kind kind() {
    return kind;
  }

  /** The text's streamed pieces; empty unless {@link Kind#TEXT}. */
  public List<String> pieces() {
    return pieces;
  }

  /** The whole text, as a blocking answer carries it. */
  public String text() {
    return String.join("", pieces);
  }

  public List<ToolCall> toolCalls() {
    return toolCalls;
  }

  /** The error; {@code null} unless {@link Kind#ERROR}. */
  public ApiError error() {
    return error;
  }

  public int promptTokens() {
    return promptTokens;
  }

  public int completionTokens() {
    return completionTokens;
  }

  public Duration firstByteDelay() {
    return firstByteDelay;
  }

  public Duration chunkDelay() {
    return chunkDelay;
  }

  /** Extra response headers: {@code Retry-After} for a rate limit. */
  Map<String, String> headers() {
    return error != null && error.retryAfter() != null
        ? Map.of("Retry-After", Long.toString(error.retryAfter().toSeconds()))
        : Map.of();
  }

  @Override
  public String toString() {
    return "OpenAiReply[" + kind + (error != null ? " " + error.status() : "") + "]";
  }
}
