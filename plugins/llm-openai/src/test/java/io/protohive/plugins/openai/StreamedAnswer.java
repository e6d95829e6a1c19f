package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.fail;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Records what a streaming model reports, in order, so that a test can wait for the end of the
 * stream and then inspect each step.
 */
final class StreamedAnswer implements StreamingChatResponseHandler {

  private static final long WAIT_SECONDS = 10;

  private final List<String> partials = new CopyOnWriteArrayList<>();
  private final List<PartialToolCall> partialToolCalls = new CopyOnWriteArrayList<>();
  private final List<CompleteToolCall> completeToolCalls = new CopyOnWriteArrayList<>();
  private final CompletableFuture<ChatResponse> end = new CompletableFuture<>();

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
    completeToolCalls.add(completeToolCall);
  }

  @Override
  public void onCompleteResponse(ChatResponse completeResponse) {
    end.complete(completeResponse);
  }

  @Override
  public void onError(Throwable error) {
    end.completeExceptionally(error);
  }

  /** The complete response, once the stream has ended; fails if it ended in an error. */
  ChatResponse response() throws Exception {
    try {
      return end.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("The stream failed", e.getCause());
    }
  }

  /** The error the stream ended with; fails if it completed. */
  Throwable error() throws Exception {
    try {
      ChatResponse response = end.get(WAIT_SECONDS, TimeUnit.SECONDS);
      return fail("The stream completed instead of failing: " + response);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  List<String> partials() {
    return partials;
  }

  List<PartialToolCall> partialToolCalls() {
    return partialToolCalls;
  }

  List<CompleteToolCall> completeToolCalls() {
    return completeToolCalls;
  }
}
