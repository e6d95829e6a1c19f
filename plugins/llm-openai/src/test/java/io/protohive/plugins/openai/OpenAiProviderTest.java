package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the provider tells the platform before any model is built. */
class OpenAiProviderTest {

  private final OpenAiProvider provider = new OpenAiProvider();

  @Test
  void namesItself() {
    assertThat(provider.id()).isEqualTo("openai");
    assertThat(provider.name()).isEqualTo("OpenAI-compatible");
  }

  @Test
  void describesItsSettings() {
    assertThat(provider.configuration())
        .extracting(ConfigurationProperty::key, ConfigurationProperty::type)
        .containsExactly(
            tuple("apiKey", ConfigurationType.STRING),
            tuple("baseUrl", ConfigurationType.URL),
            tuple("models", ConfigurationType.LIST),
            tuple("embeddingModels", ConfigurationType.LIST),
            tuple("timeoutSeconds", ConfigurationType.INTEGER));
    assertThat(property("baseUrl").defaultValue()).isEqualTo("https://api.openai.com/v1");
    assertThat(property("models").defaultValue()).isEqualTo("gpt-4o-mini");
    assertThat(property("embeddingModels").defaultValue()).isEqualTo("text-embedding-3-small");
    assertThat(property("timeoutSeconds").defaultValue()).isEqualTo("60");
  }

  @Test
  void theApiKeyIsASecretThatLocalServersDoWithout() {
    ConfigurationProperty apiKey = property("apiKey");
    assertThat(apiKey.secret()).isTrue();
    assertThat(apiKey.required()).isFalse();
    assertThat(apiKey.defaultValue()).isNull();
    assertThat(apiKey.help()).contains("empty").contains("Ollama");
  }

  @Test
  void theBaseUrlHelpNamesTheCompatibleServers() {
    assertThat(property("baseUrl").help())
        .contains("vLLM")
        .contains("Ollama")
        .contains("LM Studio")
        .contains("Azure OpenAI");
  }

  @Test
  void listsTheDefaultChatAndEmbeddingModels() {
    assertThat(provider.models(Configuration.empty()))
        .containsExactly(
            new ModelInfo("gpt-4o-mini", ModelInfo.Kind.CHAT, 0),
            new ModelInfo("text-embedding-3-small", ModelInfo.Kind.EMBEDDING, 0));
  }

  @Test
  void listsTheModelsATenantChose() {
    Configuration configuration =
        Configuration.of(
            Map.of(
                "models", "gpt-4.1\n  llama3.1:8b \n\n",
                "embeddingModels", "nomic-embed-text"));

    assertThat(provider.models(configuration))
        .extracting(ModelInfo::id, ModelInfo::kind)
        .containsExactly(
            tuple("gpt-4.1", ModelInfo.Kind.CHAT),
            tuple("llama3.1:8b", ModelInfo.Kind.CHAT),
            tuple("nomic-embed-text", ModelInfo.Kind.EMBEDDING));
  }

  @Test
  void settingsNeverPrintTheApiKey() {
    ProviderSettings settings =
        ProviderSettings.from(
            Configuration.of(Map.of("apiKey", "sk-secret-value")), provider.configuration());

    assertThat(settings.apiKey()).isEqualTo("sk-secret-value");
    assertThat(settings.toString()).doesNotContain("sk-secret-value");
  }

  private ConfigurationProperty property(String key) {
    return provider.configuration().stream()
        .filter(property -> property.key().equals(key))
        .findFirst()
        .orElseThrow();
  }
}
