package io.protohive.llm.fakes;

import com.sun.net.httpserver.HttpExchange;
import io.protohive.llm.fakes.AnthropicOllamaReply.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link AnthropicFakeServer} and {@link OllamaFakeServer} do alike: a queue of scripted
 * {@link AnthropicOllamaReply replies} that tests fill, the delays, hangs and errors those replies
 * ask for, the pacing of streams, and the sum of the token counts reported. Subclasses only route
 * requests and put replies into their vendor's words.
 *
 * <p>Thread-safe: requests are served concurrently, each taking the next reply in the order the
 * requests arrive.
 */
public abstract class AnthropicOllamaFakeServer extends FakeHttpServer {

  /**
   * Token counts as the server reported them, summed over the answers it sent: what a gateway's
   * metering must add up to.
   */
  public record Usage(long inputTokens, long outputTokens) {

    public long totalTokens() {
      return inputTokens + outputTokens;
    }
  }

  /** What kind of answer a request wants, and what it gets when nothing is scripted. */
  protected enum Endpoint {
    CHAT(
        AnthropicOllamaReply.text("This is the fake server's default answer."),
        Kind.TEXT,
        Kind.TOOL_CALLS),
    EMBEDDINGS(AnthropicOllamaReply.embedding(), Kind.EMBEDDING);

    private final AnthropicOllamaReply unscripted;
    private final Set<Kind> answers;

    Endpoint(AnthropicOllamaReply unscripted, Kind... answers) {
      this.unscripted = unscripted;
      this.answers = Set.of(answers);
    }
  }

  /** How a vendor's fake puts a reply to one request into words. */
  @FunctionalInterface
  protected interface Answer {

    /** Sends a reply whose kind suits the request, and counts its tokens. */
    void send(AnthropicOllamaReply reply) throws IOException;

    /**
     * The events that report an error inside a started stream, each ready to write; only asked of
     * streaming requests.
     */
    default List<String> streamedError(AnthropicOllamaReply.Error error) {
      throw new UnsupportedOperationException("This endpoint does not stream");
    }
  }

  private final Queue<AnthropicOllamaReply> script = new ConcurrentLinkedQueue<>();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();

  /** Adds replies for the next requests, in order. */
  public final void enqueue(AnthropicOllamaReply... replies) {
    script.addAll(List.of(replies));
  }

  /** Scripted replies no request has taken yet. */
  public final int pendingReplies() {
    return script.size();
  }

  /** The token counts reported so far. */
  public final Usage usage() {
    return new Usage(inputTokens.get(), outputTokens.get());
  }

  /** The vendor's JSON error body. */
  protected abstract String errorBody(AnthropicOllamaReply.Error error);

  /** The content type of the vendor's streams. */
  protected abstract String streamContentType();

  /**
   * Answers a request with the next scripted reply, or the endpoint's default: waits the reply's
   * first-byte delay, then hangs or fails as scripted, and otherwise lets {@code answer} send it. A
   * reply of a kind the request cannot take (an embedding for a chat) is a mistake in the test,
   * answered with a 500 that says so.
   */
  protected final void play(
      HttpExchange exchange, Endpoint endpoint, boolean streaming, Answer answer)
      throws IOException {
    AnthropicOllamaReply scripted = script.poll();
    AnthropicOllamaReply reply = scripted == null ? endpoint.unscripted : scripted;
    pause(reply.firstByteDelay());
    if (reply.kind() == Kind.HANG) {
      hangUntilClosed();
    } else if (reply.kind() == Kind.ERROR && streaming && reply.error().inStream()) {
      stream(exchange, answer.streamedError(reply.error()), reply.chunkDelay());
    } else if (reply.kind() == Kind.ERROR) {
      sendError(exchange, reply.error());
    } else if (!endpoint.answers.contains(reply.kind())) {
      sendError(
          exchange,
          AnthropicOllamaReply.Error.of(
              500,
              "api_error",
              "The fake was scripted with " + reply + " for a " + endpoint + " request"));
    } else {
      answer.send(reply);
    }
  }

  /** Sends an error as its HTTP status with the vendor's body. */
  protected final void sendError(HttpExchange exchange, AnthropicOllamaReply.Error error)
      throws IOException {
    Map<String, String> headers =
        error.retryAfter() == null
            ? Map.of()
            : Map.of("retry-after", Long.toString(error.retryAfter().toSeconds()));
    sendJson(exchange, error.status(), errorBody(error), headers);
  }

  /** Streams the events, flushing each and waiting {@code pacing} between two. */
  protected final void stream(HttpExchange exchange, List<String> events, Duration pacing)
      throws IOException {
    try (OutputStream out = startStream(exchange, streamContentType())) {
      for (int i = 0; i < events.size(); i++) {
        if (i > 0) {
          pause(pacing);
        }
        out.write(events.get(i).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    }
  }

  /**
   * Adds the token counts of an answer about to be sent, before it is: a client that read the
   * answer whole never sees counts that do not hold it yet.
   */
  protected final void count(int input, int output) {
    inputTokens.addAndGet(input);
    outputTokens.addAndGet(output);
  }
}
