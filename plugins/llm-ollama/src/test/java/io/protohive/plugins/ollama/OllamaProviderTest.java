package io.protohive.plugins.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.langchain4j.data.message.UserMessage;
import io.protohive.llm.fakes.OllamaFakeServer;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.ModelInfo;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the provider tells the platform, and how it builds its models from a configuration. */
class OllamaProviderTest {

  private final OllamaProvider provider = new OllamaProvider();
  private final OllamaFakeServer fake = new OllamaFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void namesItself() {
    assertThat(provider.id()).isEqualTo("ollama");
    assertThat(provider.name()).isEqualTo("Ollama");
  }

  @Test
  void describesItsSettings() {
    Map<String, ConfigurationProperty> properties =
        provider.configuration().stream()
            .collect(Collectors.toMap(ConfigurationProperty::key, Function.identity()));

    assertThat(properties)
        .containsOnlyKeys("baseUrl", "models", "embeddingModels", "timeoutSeconds");
    assertThat(properties.get("baseUrl").type()).isEqualTo(ConfigurationType.URL);
    assertThat(properties.get("baseUrl").defaultValue()).isEqualTo("http://localhost:11434");
    assertThat(properties.get("models").type()).isEqualTo(ConfigurationType.LIST);
    assertThat(properties.get("models").defaultValue()).isEqualTo("llama3.2");
    assertThat(properties.get("embeddingModels").type()).isEqualTo(ConfigurationType.LIST);
    assertThat(properties.get("embeddingModels").defaultValue()).isEqualTo("nomic-embed-text");
    assertThat(properties.get("timeoutSeconds").type()).isEqualTo(ConfigurationType.INTEGER);
    assertThat(properties.get("timeoutSeconds").defaultValue()).isEqualTo("120");
    assertThat(properties.values())
        .allSatisfy(
            p -> {
              assertThat(p.label()).isNotBlank();
              assertThat(p.required()).isFalse();
              assertThat(p.secret()).isFalse();
            });
  }

  @Test
  void offersTheConfiguredChatAndEmbeddingModels() {
    Configuration configuration =
        Configuration.of(
            Map.of("models", "qwen2.5:7b\nmistral", "embeddingModels", "mxbai-embed-large"));

    assertThat(provider.models(configuration))
        .containsExactly(
            new ModelInfo("qwen2.5:7b", ModelInfo.Kind.CHAT, 0),
            new ModelInfo("mistral", ModelInfo.Kind.CHAT, 0),
            new ModelInfo("mxbai-embed-large", ModelInfo.Kind.EMBEDDING, 0));
  }

  @Test
  void offersTheDefaultModelsWithoutAnyConfiguration() {
    assertThat(provider.models(Configuration.empty()))
        .extracting(ModelInfo::id, ModelInfo::kind)
        .containsExactly(
            tuple("llama3.2", ModelInfo.Kind.CHAT),
            tuple("nomic-embed-text", ModelInfo.Kind.EMBEDDING));
  }

  @Test
  void asksTheNativeChatApiForAWholeAnswer() {
    provider
        .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(UserMessage.from("Hi"));

    var request = fake.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/chat");
    assertThat(request.json().path("model").asText()).isEqualTo(TenantSettings.MODEL);
    assertThat(request.json().path("stream").asBoolean()).isFalse();
    assertThat(request.header("authorization")).isNull();
  }
}
