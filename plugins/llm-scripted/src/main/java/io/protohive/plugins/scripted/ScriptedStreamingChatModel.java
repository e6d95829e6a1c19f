package io.protohive.plugins.scripted;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scripted model streaming its answer word by word, with a pause between words so that a person
 * sees it stream; a caller may cancel through the streaming handle. Like a provider that reads its
 * answer from a server without blocking, it holds no thread while it streams: the words are sent
 * from a timer shared by every stream, and the call that starts a stream returns at once.
 */
final class ScriptedStreamingChatModel implements StreamingChatModel {

  /**
   * Sends every stream's words, a stream's one after another; a few threads, since the platform's
   * handler stores and sends each word before it returns. They end when no stream is left for a
   * while.
   */
  private static final ScheduledThreadPoolExecutor WORDS = words();

  private final Script script;
  private final long delayMillis;

  ScriptedStreamingChatModel(Script script, long delayMillis) {
    this.script = script;
    this.delayMillis = delayMillis;
  }

  private static ScheduledThreadPoolExecutor words() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            16,
            task -> {
              Thread thread = new Thread(task, "scripted-model-words");
              thread.setDaemon(true);
              return thread;
            });
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatResponse response;
    try {
      response = script.answer(request);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    String text = response.aiMessage().text();
    String[] words = text == null ? new String[0] : text.split("(?<= )");
    new Words(words, response, handler).next(0);
  }

  /** One answer on its way: the next word after the pause, then the whole response. */
  private final class Words {
    private final String[] words;
    private final ChatResponse response;
    private final StreamingChatResponseHandler handler;
    private final Handle handle = new Handle();

    Words(String[] words, ChatResponse response, StreamingChatResponseHandler handler) {
      this.words = words;
      this.response = response;
      this.handler = handler;
    }

    void next(int index) {
      if (handle.isCancelled()) {
        return;
      }
      try {
        if (index == words.length) {
          handler.onCompleteResponse(response);
          return;
        }
        handler.onPartialResponse(
            new PartialResponse(words[index]), new PartialResponseContext(handle));
        WORDS.schedule(() -> next(index + 1), delayMillis, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        handler.onError(e);
      }
    }
  }

  /** Cancellation of one streamed answer. */
  private static final class Handle implements StreamingHandle {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    @Override
    public void cancel() {
      cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
      return cancelled.get();
    }
  }
}
