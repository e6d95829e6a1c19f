package io.protohive.plugin.testkit;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Records what a streaming model hands its handler, in order, so that tests can wait for the end of
 * a stream that arrives on another thread. For the tests of LLM provider plugins.
 */
public final class StreamRecorder implements StreamingChatResponseHandler {

  private static final long WAIT_SECONDS = 10;

  public final List<String> partials = new CopyOnWriteArrayList<>();
  public final List<CompleteToolCall> toolCalls = new CopyOnWriteArrayList<>();
  private final CompletableFuture<ChatResponse> end = new CompletableFuture<>();

  @Override
  public void onPartialResponse(String partialResponse) {
    partials.add(partialResponse);
  }

  @Override
  public void onCompleteToolCall(CompleteToolCall completeToolCall) {
    toolCalls.add(completeToolCall);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    end.complete(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    end.completeExceptionally(error);
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
