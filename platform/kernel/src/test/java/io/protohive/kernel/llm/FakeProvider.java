package io.protohive.kernel.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider whose models answer from a script, one reply per call, and count the calls that reach
 * them. Its one setting is a secret API key.
 */
final class FakeProvider implements LlmProvider {

  /** What the model does with one call. */
  sealed interface Reply {}

  /** Answers with the text, streamed word by word when streaming, reporting the usage. */
  record Answer(String text, int promptTokens, int completionTokens) implements Reply {}

  /** Throws the error. */
  record Fail(RuntimeException error) implements Reply {}

  /** Streams the first word, then fails with the error. */
  record FailAfterFirstWord(String text, RuntimeException error) implements Reply {}

  /** Answers nothing until the test ends or the call is cancelled. */
  record Hang() implements Reply {}

  private final String id;
  private final Deque<Reply> script = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);
  private Reply byDefault = new Answer("default answer", 1, 1);

  FakeProvider(String id) {
    this.id = id;
  }

  synchronized FakeProvider then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  synchronized FakeProvider byDefault(Reply reply) {
    byDefault = reply;
    return this;
  }

  int calls() {
    return calls.get();
  }

  /** Lets hanging calls end. */
  void release() {
    released.countDown();
  }

  private synchronized Reply next() {
    calls.incrementAndGet();
    return script.isEmpty() ? byDefault : script.poll();
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String name() {
    return "Fake " + id;
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return List.of(
        ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING).asSecret());
  }

  @Override
  public List<ModelInfo> models(Configuration configuration) {
    return List.of();
  }

  @Override
  public ChatModel chatModel(String model, Configuration configuration) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        Reply reply = next();
        if (reply instanceof Answer answer) {
          return response(answer);
        }
        if (reply instanceof Fail fail) {
          throw fail.error();
        }
        if (reply instanceof FailAfterFirstWord partial) {
          throw partial.error();
        }
        awaitRelease(null);
        throw new IllegalStateException("released");
      }
    };
  }

  @Override
  public StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    return new StreamingChatModel() {
      @Override
      public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
        Reply reply = next();
        Handle handle = new Handle();
        PartialResponseContext context = new PartialResponseContext(handle);
        if (reply instanceof Answer answer) {
          for (String word : answer.text().split("(?<= )")) {
            handler.onPartialResponse(new PartialResponse(word), context);
          }
          handler.onCompleteResponse(response(answer));
        } else if (reply instanceof Fail fail) {
          handler.onError(fail.error());
        } else if (reply instanceof FailAfterFirstWord partial) {
          handler.onPartialResponse(new PartialResponse(partial.text()), context);
          handler.onError(partial.error());
        } else {
          awaitRelease(handle);
        }
      }
    };
  }

  private void awaitRelease(Handle handle) {
    try {
      while (!released.await(20, TimeUnit.MILLISECONDS)) {
        if (handle != null && handle.isCancelled()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ChatResponse response(Answer answer) {
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer.text()))
        .tokenUsage(new TokenUsage(answer.promptTokens(), answer.completionTokens()))
        .build();
  }

  /** Cancellation of one streamed answer. */
  private static final class Handle implements StreamingHandle {
    private volatile boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }
}
