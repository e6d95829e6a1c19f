package io.protohive.rest.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.kernel.platform.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The body of a chat call through the gateway, and its translation into LangChain4j's terms. */
public final class ChatRequests {

  static final int MAX_MESSAGES = 200;
  static final int MAX_CHARACTERS = 200_000;

  private ChatRequests() {}

  /** One message of the conversation so far. */
  public record Message(String role, String content) {}

  /**
   * A chat call.
   *
   * @param organizationId, agentId what the call is metered and budgeted under: an organization of
   *     the caller's, an agent of it, or both; the agent's organization when only the agent is
   *     given
   * @param maxTokens the most tokens the answer may have
   */
  public record Chat(
      List<Message> messages, UUID organizationId, UUID agentId, Integer maxTokens) {}

  static ChatRequest toRequest(Chat chat) {
    if (chat.messages() == null || chat.messages().isEmpty()) {
      throw Rejection.invalid("messages", "Send at least one message.");
    }
    if (chat.messages().size() > MAX_MESSAGES) {
      throw Rejection.invalid("messages", "Send at most " + MAX_MESSAGES + " messages.");
    }
    if (chat.maxTokens() != null && (chat.maxTokens() < 1 || chat.maxTokens() > 100_000)) {
      throw Rejection.invalid("maxTokens", "maxTokens is between 1 and 100,000.");
    }
    List<ChatMessage> messages = new ArrayList<>();
    int characters = 0;
    for (int i = 0; i < chat.messages().size(); i++) {
      Message message = chat.messages().get(i);
      String field = "messages[" + i + "]";
      if (message == null || message.content() == null || message.content().isEmpty()) {
        throw Rejection.invalid(field + ".content", "Each message needs content.");
      }
      characters += message.content().length();
      if (characters > MAX_CHARACTERS) {
        throw Rejection.invalid(
            field + ".content", "The messages are longer than 200,000 characters.");
      }
      messages.add(
          switch (message.role() == null ? "" : message.role()) {
            case "system" -> SystemMessage.from(message.content());
            case "user" -> UserMessage.from(message.content());
            case "assistant" -> AiMessage.from(message.content());
            default ->
                throw Rejection.invalid(field + ".role", "The role is system, user or assistant.");
          });
    }
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (chat.maxTokens() != null) {
      request.maxOutputTokens(chat.maxTokens());
    }
    return request.build();
  }
}
