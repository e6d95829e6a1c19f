package io.protohive.plugin.api.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  private static final List<ConfigurationProperty> FORM =
      List.of(
          ProviderSettings.apiKey("key").asRequired(),
          ProviderSettings.baseUrl("https://vendor.example/v1", "root"),
          ProviderSettings.chatModels("Models", "small\nlarge", "chat"),
          ProviderSettings.embeddingModels("embed", "vectors"),
          ProviderSettings.timeout(45, "wait"));

  @Test
  void emptyFieldsAreReadAsTheDefaultsTheFormShows() {
    ProviderSettings settings =
        ProviderSettings.from(Configuration.of(Map.of("apiKey", " sk-1 ")), FORM);

    assertThat(settings.apiKey()).isEqualTo("sk-1");
    assertThat(settings.baseUrl()).isEqualTo("https://vendor.example/v1");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void whatTheTenantGaveWinsOverTheDefaults() {
    ProviderSettings settings =
        ProviderSettings.from(
            Configuration.of(
                Map.of(
                    "apiKey", "sk-1", "baseUrl", "http://127.0.0.1:9/v1", "timeoutSeconds", "3")),
            FORM);

    assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
    assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRequiredKeyThatIsMissingIsNamed() {
    assertThatThrownBy(() -> ProviderSettings.from(Configuration.empty(), FORM))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey");
  }

  @Test
  void aFormWithoutAKeyNeedsNone() {
    ProviderSettings settings =
        ProviderSettings.from(Configuration.empty(), FORM.subList(1, FORM.size()));

    assertThat(settings.apiKey()).isNull();
  }

  @Test
  void theKeyIsNeverPrinted() {
    ProviderSettings settings =
        ProviderSettings.from(Configuration.of(Map.of("apiKey", "sk-secret-value")), FORM);

    assertThat(settings.toString()).doesNotContain("sk-secret-value").contains("vendor.example");
  }

  @Test
  void modelsAreTheListedChatModelsThenTheEmbeddingModels() {
    List<ModelInfo> models =
        ProviderSettings.models(Configuration.of(Map.of("models", "a\n\n b ")), FORM, 8_000);

    assertThat(models)
        .extracting(ModelInfo::id, ModelInfo::kind, ModelInfo::contextWindow)
        .containsExactly(
            tuple("a", ModelInfo.Kind.CHAT, 8_000),
            tuple("b", ModelInfo.Kind.CHAT, 8_000),
            tuple("embed", ModelInfo.Kind.EMBEDDING, 8_000));
  }
}
