package io.protohive.llm.fakes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One scripted answer of {@link AnthropicFakeServer} or {@link OllamaFakeServer}: a text, tool
 * calls, an embedding, an API error or a hang, with optional delays. Immutable; the {@code with…}
 * methods return changed copies.
 *
 * <p>The two fakes share this type because their APIs answer the same things in different shapes;
 * each server's own factories ({@link AnthropicFakeServer#overloadedError()}, {@link
 * OllamaFakeServer#modelNotFound(String)}, …) make the errors its vendor really sends. The same
 * script serves blocking and streaming requests: a text streams piece by piece, so one scenario
 * covers both kinds of client.
 */
public final class AnthropicOllamaReply {

  /** What the server sends. */
  public enum Kind {
    TEXT,
    TOOL_CALLS,
    EMBEDDING,
    ERROR,
    HANG
  }

  /**
   * A tool call the model asks for.
   *
   * @param name the tool, as named in the request's {@code tools}
   * @param arguments the arguments as a JSON object text
   */
  public record ToolCall(String name, String arguments) {
    public ToolCall {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(arguments, "arguments");
      if (!parse(arguments).isObject()) {
        throw new IllegalArgumentException("Tool arguments must be a JSON object: " + arguments);
      }
    }

    /** The arguments as a JSON object, for the vendors that send them as one. */
    ObjectNode json() {
      return (ObjectNode) parse(arguments);
    }

    private static JsonNode parse(String arguments) {
      try {
        return FakeHttpServer.JSON.readTree(arguments);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Tool arguments are not JSON: " + arguments, e);
      }
    }
  }

  /**
   * An API error.
   *
   * @param status the HTTP status
   * @param type the vendor's error type, such as {@code overloaded_error}, or {@code null} where
   *     the vendor has none
   * @param message what the vendor says
   * @param retryAfter the {@code retry-after} header's value, or {@code null} for none
   * @param inStream whether a streaming request gets it inside a started 200 stream instead of as
   *     the HTTP status, as both vendors do when generation fails midway
   */
  public record Error(
      int status, String type, String message, Duration retryAfter, boolean inStream) {
    public Error {
      Objects.requireNonNull(message, "message");
    }

    /** An error sent as its status, without a {@code retry-after} header. */
    static Error of(int status, String type, String message) {
      return new Error(status, type, message, null, false);
    }
  }

  static final int DEFAULT_INPUT_TOKENS = 10;
  private static final int TOKENS_PER_TOOL_CALL = 20;

  private final Kind kind;
  private final List<String> pieces;
  private final List<ToolCall> toolCalls;
  private final Error error;
  private final int inputTokens;
  private final int outputTokens;
  private final Duration firstByteDelay;
  private final Duration chunkDelay;

  private AnthropicOllamaReply(
      Kind kind,
      List<String> pieces,
      List<ToolCall> toolCalls,
      Error error,
      int inputTokens,
      int outputTokens,
      Duration firstByteDelay,
      Duration chunkDelay) {
    this.kind = kind;
    this.pieces = List.copyOf(pieces);
    this.toolCalls = List.copyOf(toolCalls);
    this.error = error;
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
    this.firstByteDelay = Objects.requireNonNull(firstByteDelay, "firstByteDelay");
    this.chunkDelay = Objects.requireNonNull(chunkDelay, "chunkDelay");
  }

  private static AnthropicOllamaReply of(
      Kind kind, List<String> pieces, List<ToolCall> calls, Error error, int outputTokens) {
    return new AnthropicOllamaReply(
        kind,
        pieces,
        calls,
        error,
        DEFAULT_INPUT_TOKENS,
        outputTokens,
        Duration.ZERO,
        Duration.ZERO);
  }

  /**
   * A text answer, streamed word by word (each piece keeps its following whitespace), with 10 input
   * tokens and one output token per piece until {@link #withUsage} says otherwise.
   */
  public static AnthropicOllamaReply text(String text) {
    return pieces(Arrays.asList(text.split("(?<=\\s)(?=\\S)")));
  }

  /** A text answer with the given token counts. */
  public static AnthropicOllamaReply text(String text, int inputTokens, int outputTokens) {
    return text(text).withUsage(inputTokens, outputTokens);
  }

  /** A text answer streamed in exactly these pieces; blocking clients get them joined. */
  public static AnthropicOllamaReply pieces(List<String> pieces) {
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("A text answer needs at least one piece");
    }
    return of(Kind.TEXT, pieces, List.of(), null, pieces.size());
  }

  /**
   * One tool call, with 10 input and 20 output tokens until {@link #withUsage} says otherwise.
   *
   * @param arguments a JSON object text
   */
  public static AnthropicOllamaReply toolCall(String name, String arguments) {
    return toolCalls(List.of(new ToolCall(name, arguments)));
  }

  /** Several tool calls in one answer, as with parallel tool use. */
  public static AnthropicOllamaReply toolCalls(List<ToolCall> calls) {
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("A tool call answer needs at least one call");
    }
    return of(Kind.TOOL_CALLS, List.of(), calls, null, TOKENS_PER_TOOL_CALL * calls.size());
  }

  /**
   * A normal answer to an embeddings request, for scripting delays; without a script the server
   * answers embeddings this way anyway.
   */
  public static AnthropicOllamaReply embedding() {
    return of(Kind.EMBEDDING, List.of(), List.of(), null, 0);
  }

  /** An API error; prefer the vendor server's factories, which know its types and messages. */
  public static AnthropicOllamaReply error(int status, String type, String message) {
    return of(Kind.ERROR, List.of(), List.of(), Error.of(status, type, message), 0);
  }

  /** Accepts the request and never answers until the server is closed. */
  public static AnthropicOllamaReply hang() {
    return of(Kind.HANG, List.of(), List.of(), null, 0);
  }

  /** The token counts the server reports for this answer. */
  public AnthropicOllamaReply withUsage(int input, int output) {
    return new AnthropicOllamaReply(
        kind, pieces, toolCalls, error, input, output, firstByteDelay, chunkDelay);
  }

  /** Waits this long before the status line: a slow upstream. */
  public AnthropicOllamaReply withFirstByteDelay(Duration delay) {
    return new AnthropicOllamaReply(
        kind, pieces, toolCalls, error, inputTokens, outputTokens, delay, chunkDelay);
  }

  /**
   * Waits this long between streamed events: a slow generation, or with a long delay a stream that
   * stalls after its first event.
   */
  public AnthropicOllamaReply withChunkDelay(Duration delay) {
    return new AnthropicOllamaReply(
        kind, pieces, toolCalls, error, inputTokens, outputTokens, firstByteDelay, delay);
  }

  /** Also sends this error in a 200 stream to streaming requests; blocking ones get the status. */
  public AnthropicOllamaReply inStream() {
    if (error == null) {
      throw new IllegalStateException("Only an error can be sent inside a stream");
    }
    Error streamed =
        new Error(error.status(), error.type(), error.message(), error.retryAfter(), true);
    return new AnthropicOllamaReply(
        kind, pieces, toolCalls, streamed, inputTokens, outputTokens, firstByteDelay, chunkDelay);
  }

  /** This error with a {@code retry-after} header, as rate limits come. */
  AnthropicOllamaReply withRetryAfter(Duration retryAfter) {
    Error delayed =
        new Error(error.status(), error.type(), error.message(), retryAfter, error.inStream());
    return new AnthropicOllamaReply(
        kind, pieces, toolCalls, delayed, inputTokens, outputTokens, firstByteDelay, chunkDelay);
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
  public Error error() {
    return error;
  }

  public int inputTokens() {
    return inputTokens;
  }

  public int outputTokens() {
    return outputTokens;
  }

  public Duration firstByteDelay() {
    return firstByteDelay;
  }

  public Duration chunkDelay() {
    return chunkDelay;
  }

  @Override
  public String toString() {
    return "AnthropicOllamaReply[" + kind + (error != null ? " " + error.status() : "") + "]";
  }
}
