package io.protohive.kernel.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * What a call may use before it is sent, for budget reservations: the prompt at about four
 * characters a token (a deliberate overestimate for most languages and models), and the output at
 * its limit.
 */
final class TokenEstimate {

  private TokenEstimate() {}

  static long prompt(ChatRequest request) {
    long characters = 0;
    for (ChatMessage message : request.messages()) {
      characters += text(message).length();
    }
    return characters / 4 + 1;
  }

  static long outputLimit(ChatRequest request, int fallback) {
    Integer limit = request.parameters() == null ? null : request.parameters().maxOutputTokens();
    return limit == null ? fallback : limit;
  }

  private static String text(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user) {
      return user.hasSingleText() ? user.singleText() : user.contents().toString();
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    if (message instanceof AiMessage ai) {
      return String.valueOf(ai.text()) + ai.toolExecutionRequests();
    }
    return message.toString();
  }
}
