package io.protohive.plugins.scripted;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The scripted model streaming its answer word by word, with a pause between words so that a person
 * sees it stream; a caller may cancel through the streaming handle.
 */
final class ScriptedStreamingChatModel implements StreamingChatModel {

  private final Script script;
  private final long delayMillis;

  ScriptedStreamingChatModel(Script script, long delayMillis) {
    this.script = script;
    this.delayMillis = delayMillis;
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatResponse response = script.answer(request);
    Handle handle = new Handle();
    try {
      if (response.aiMessage().text() != null) {
        String[] words = response.aiMessage().text().split("(?<= )");
        for (String word : words) {
          if (handle.isCancelled()) {
            return;
          }
          handler.onPartialResponse(new PartialResponse(word), new PartialResponseContext(handle));
          Thread.sleep(delayMillis);
        }
      }
      if (!handle.isCancelled()) {
        handler.onCompleteResponse(response);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.onError(e);
    } catch (RuntimeException e) {
      handler.onError(e);
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
