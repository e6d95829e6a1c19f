package io.protohive.plugin.testkit;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what a streaming model hands its handler, in order, so that tests can wait for the end of
 * a stream that arrives on another thread. For the tests of LLM provider plugins.
 *
 * <p>{@link #cancellingAfter(int)} makes a recorder that cancels the stream through its {@code
 * StreamingHandle} once that many pieces arrived, as the platform's gateway does when its caller
 * stops or a deadline passes.
 */
public final class StreamRecorder implements StreamingChatResponseHandler {

  private static final long WAIT_SECONDS = 10;

  public final List<String> partials = new CopyOnWriteArrayList<>();
  public final List<PartialToolCall> partialToolCalls = new CopyOnWriteArrayList<>();
  public final List<CompleteToolCall> toolCalls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ends = new AtomicInteger();
  private final CompletableFuture<ChatResponse> end = new CompletableFuture<>();
  private final int cancelAfter;

  public StreamRecorder() {
    this(Integer.MAX_VALUE);
  }

  private StreamRecorder(int cancelAfter) {
    this.cancelAfter = cancelAfter;
  }

  /** A recorder that cancels the stream once {@code pieces} partial texts arrived. */
  public static StreamRecorder cancellingAfter(int pieces) {
    return new StreamRecorder(pieces);
  }

  @Override
  public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
    partials.add(partialResponse.text());
    if (partials.size() >= cancelAfter) {
      context.streamingHandle().cancel();
    }
  }

  @Override
  public void onPartialResponse(String partialResponse) {
    partials.add(partialResponse);
  }

  @Override
  public void onPartialToolCall(PartialToolCall partialToolCall) {
    partialToolCalls.add(partialToolCall);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    toolCalls.add(completeToolCall);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    ends.incrementAndGet();
    end.complete(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    ends.incrementAndGet();
    end.completeExceptionally(error);
  }

  /** How often the stream ended, by completing or by failing: once, for a well-behaved model. */
  public int ends() {
    return ends.get();
  }

  /** Whether the stream has completed, rather than failed or not ended yet. */
  public boolean completed() {
    return end.isDone() && !end.isCompletedExceptionally();
  }

  /** Whether the stream completed or failed within the given time. */
  public boolean endsWithin(Duration wait) throws InterruptedException {
    try {
      end.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** The complete response; fails if the stream ended with an error. */
  public ChatResponse response() throws Exception {
    return end.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The error the stream ended with; fails if it completed instead. */
  public Throwable error() throws Exception {
    try {
      ChatResponse response = end.get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("The stream completed instead of failing: " + response);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
