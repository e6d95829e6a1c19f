package io.protohive.plugins.scripted;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * The offline provider of the embedded default: one model, {@value #MODEL}, that answers by rules
 * and plans instead of by language modelling. It is labelled as such wherever it is shown.
 */
@Component(service = LlmProvider.class)
public final class ScriptedProvider implements LlmProvider {

  public static final String ID = "scripted";
  public static final String MODEL = "scripted-1";

  private static final ConfigurationProperty PLAN =
      ConfigurationProperty.of("plan", "Plan", ConfigurationType.TEXT)
          .withHelp(
              "One step per line, used for successive replies in a conversation: 'say: text'"
                  + " or 'call: tool.id {\"argument\": \"value\"}' ('call#id: ...' gives the"
                  + " call that id). A line starting"
                  + " '@Name:' is a step only for the agent whose system prompt begins 'You are"
                  + " Name'; other lines are steps for every agent. Once the plan's steps are"
                  + " used up the model echoes, and calls a tool when asked to 'use' it by name."
                  + " Without a plan it plays the offline demo: agents answer in their role, put"
                  + " requests on the task board and delegate them along the org chart.");
  private static final ConfigurationProperty TOKEN_DELAY_MILLIS =
      ConfigurationProperty.of(
              "tokenDelayMillis", "Pause between streamed words (ms)", ConfigurationType.INTEGER)
          .withDefault("20");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Scripted (offline demo, not a real model)";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return List.of(PLAN, TOKEN_DELAY_MILLIS);
  }

  @Override
  public List<ModelInfo> models(Configuration configuration) {
    return List.of(new ModelInfo(MODEL, ModelInfo.Kind.CHAT, 32_768));
  }

  @Override
  public ChatModel chatModel(String model, Configuration configuration) {
    return new ScriptedChatModel(Script.of(configuration));
  }

  @Override
  public StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    return new ScriptedStreamingChatModel(
        Script.of(configuration), configuration.integer(TOKEN_DELAY_MILLIS));
  }
}
