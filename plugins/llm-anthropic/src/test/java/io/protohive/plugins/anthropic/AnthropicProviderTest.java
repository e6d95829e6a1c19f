package io.protohive.plugins.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.UserMessage;
import io.protohive.llm.fakes.AnthropicFakeServer;
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
class AnthropicProviderTest {

  private final AnthropicProvider provider = new AnthropicProvider();
  private final AnthropicFakeServer fake = new AnthropicFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void namesItself() {
    assertThat(provider.id()).isEqualTo("anthropic");
    assertThat(provider.name()).isEqualTo("Anthropic");
  }

  @Test
  void describesItsSettings() {
    Map<String, ConfigurationProperty> properties =
        provider.configuration().stream()
            .collect(Collectors.toMap(ConfigurationProperty::key, Function.identity()));

    assertThat(properties)
        .containsOnlyKeys("apiKey", "baseUrl", "models", "maxTokens", "timeoutSeconds");
    assertThat(properties.get("apiKey"))
        .extracting(
            ConfigurationProperty::type,
            ConfigurationProperty::required,
            ConfigurationProperty::secret,
            ConfigurationProperty::defaultValue)
        .containsExactly(ConfigurationType.STRING, true, true, null);
    assertThat(properties.get("baseUrl").type()).isEqualTo(ConfigurationType.URL);
    assertThat(properties.get("baseUrl").defaultValue()).isEqualTo("https://api.anthropic.com/v1");
    assertThat(properties.get("models").type()).isEqualTo(ConfigurationType.LIST);
    assertThat(properties.get("models").defaultValue()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(properties.get("maxTokens").defaultValue()).isEqualTo("1024");
    assertThat(properties.get("timeoutSeconds").defaultValue()).isEqualTo("60");
    assertThat(properties.values()).allSatisfy(p -> assertThat(p.label()).isNotBlank());
  }

  @Test
  void offersTheConfiguredChatModels() {
    Configuration configuration =
        Configuration.of(Map.of("models", "claude-sonnet-4-5\n\n claude-opus-4-1 \n"));

    assertThat(provider.models(configuration))
        .containsExactly(
            new ModelInfo("claude-sonnet-4-5", ModelInfo.Kind.CHAT, 200_000),
            new ModelInfo("claude-opus-4-1", ModelInfo.Kind.CHAT, 200_000));
  }

  @Test
  void offersTheDefaultModelWithoutAnyConfiguration() {
    assertThat(provider.models(Configuration.empty()))
        .extracting(ModelInfo::id)
        .containsExactly("claude-3-5-haiku-latest");
  }

  @Test
  void sendsTheKeyInItsHeaderWithTheApiVersionModelAndTokenLimit() {
    provider
        .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(UserMessage.from("Hi"));

    var request = fake.lastRequest();
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo(TenantSettings.API_KEY);
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.header("authorization")).isNull();
    assertThat(request.body()).doesNotContain(TenantSettings.API_KEY);
    assertThat(request.json().path("model").asText()).isEqualTo(TenantSettings.MODEL);
    assertThat(request.json().path("max_tokens").asInt()).isEqualTo(1024);
  }

  @Test
  void takesTheTokenLimitFromTheConfiguration() {
    Configuration configuration =
        Configuration.of(
            Map.of("apiKey", TenantSettings.API_KEY, "baseUrl", fake.apiUrl(), "maxTokens", "77"));

    provider.chatModel(TenantSettings.MODEL, configuration).chat(UserMessage.from("Hi"));

    assertThat(fake.lastRequest().json().path("max_tokens").asInt()).isEqualTo(77);
  }

  @Test
  void refusesToBuildAModelWithoutAKey() {
    Configuration configuration = Configuration.of(Map.of("baseUrl", fake.apiUrl()));

    assertThatThrownBy(() -> provider.chatModel(TenantSettings.MODEL, configuration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey");
    assertThatThrownBy(() -> provider.streamingChatModel(TenantSettings.MODEL, configuration))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey");
  }

  @Test
  void offersNoEmbeddings() {
    assertThatThrownBy(() -> provider.embeddingModel("any", TenantSettings.pointingAt(fake)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
