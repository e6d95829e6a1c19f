package io.protohive.plugins.openai;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** A provider and the fake OpenAI server its tenant configuration points at, per test. */
abstract class OpenAiFakeFixture {

  static final String API_KEY = "sk-test-5f1c0ffee0ddba11";
  static final String CHAT_MODEL = "gpt-4o-mini";
  static final String EMBEDDING_MODEL = "text-embedding-3-small";

  /** A tool the model may call, as the gateway passes tools to models. */
  static final ToolSpecification WEATHER =
      ToolSpecification.builder()
          .name("weather")
          .description("The current weather in a city")
          .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
          .build();

  final OpenAiFakeServer openAi = new OpenAiFakeServer();
  final OpenAiProvider provider = new OpenAiProvider();

  @AfterEach
  void closeServer() {
    openAi.close();
  }

  /** A tenant's configuration with an API key, pointing at the fake. */
  Configuration configuration() {
    return Configuration.of(
        Map.of(
            ProviderSettings.API_KEY,
            API_KEY,
            ProviderSettings.BASE_URL,
            openAi.apiBaseUrl(),
            ProviderSettings.TIMEOUT_SECONDS,
            "5"));
  }

  static ChatRequest ask(String text) {
    return ChatRequest.builder().messages(UserMessage.from(text)).build();
  }

  /** A question the model answers by calling {@link #WEATHER}. */
  static ChatRequest askForWeather() {
    return ChatRequest.builder()
        .messages(UserMessage.from("What is the weather in Paris?"))
        .toolSpecifications(WEATHER)
        .build();
  }
}
