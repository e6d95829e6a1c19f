package io.protohive.plugins.scripted;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** The scripted model answering in one piece. */
final class ScriptedChatModel implements ChatModel {

  private final Script script;

  ScriptedChatModel(Script script) {
    this.script = script;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    return script.answer(request);
  }
}
