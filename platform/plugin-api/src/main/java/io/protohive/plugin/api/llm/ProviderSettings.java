package io.protohive.plugin.api.llm;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every provider that calls a vendor's API builds its models from: where the API is, the key
 * it sends, and how long it waits. The properties of a provider's form are made here under the same
 * keys for every provider, each with its default declared once, and read back through the form, so
 * the form shows the values the models are really built with when a field is left empty.
 *
 * @param apiKey the key, or {@code null} for a server that needs none
 * @param baseUrl the API's root
 * @param timeout how long to connect and to wait for an answer to begin
 * @since 1.2
 */
public record ProviderSettings(String apiKey, String baseUrl, Duration timeout) {

  public static final String API_KEY = "apiKey";
  public static final String BASE_URL = "baseUrl";
  public static final String MODELS = "models";
  public static final String EMBEDDING_MODELS = "embeddingModels";
  public static final String TIMEOUT_SECONDS = "timeoutSeconds";

  /** The vendor's API key, a secret. */
  public static ConfigurationProperty apiKey(String help) {
    return ConfigurationProperty.of(API_KEY, "API key", ConfigurationType.STRING)
        .asSecret()
        .withHelp(help);
  }

  public static ConfigurationProperty baseUrl(String defaultUrl, String help) {
    return ConfigurationProperty.of(BASE_URL, "Base URL", ConfigurationType.URL)
        .withDefault(defaultUrl)
        .withHelp(help);
  }

  /** The chat models agents may use, one per line. */
  public static ConfigurationProperty chatModels(String label, String defaultModel, String help) {
    return ConfigurationProperty.of(MODELS, label, ConfigurationType.LIST)
        .withDefault(defaultModel)
        .withHelp(help);
  }

  /** The embedding models, one per line. */
  public static ConfigurationProperty embeddingModels(String defaultModel, String help) {
    return ConfigurationProperty.of(EMBEDDING_MODELS, "Embedding models", ConfigurationType.LIST)
        .withDefault(defaultModel)
        .withHelp(help);
  }

  public static ConfigurationProperty timeout(int defaultSeconds, String help) {
    return ConfigurationProperty.of(TIMEOUT_SECONDS, "Timeout (seconds)", ConfigurationType.INTEGER)
        .withDefault(String.valueOf(defaultSeconds))
        .withHelp(help);
  }

  /**
   * The settings of one tenant, read through the provider's form.
   *
   * @throws IllegalStateException when the form requires an API key and the tenant gave none
   */
  public static ProviderSettings from(
      Configuration configuration, List<ConfigurationProperty> form) {
    ConfigurationProperty key = find(form, API_KEY);
    String apiKey = key == null ? null : configuration.text(key);
    if (key != null && key.required() && apiKey == null) {
      throw new IllegalStateException("The plugin needs the setting " + API_KEY);
    }
    return new ProviderSettings(
        apiKey,
        configuration.text(find(form, BASE_URL)),
        configuration.seconds(find(form, TIMEOUT_SECONDS)));
  }

  /**
   * The models the tenant listed in the form, chat models first.
   *
   * @param contextWindow of every model, or 0 when a model name says nothing of its window
   */
  public static List<ModelInfo> models(
      Configuration configuration, List<ConfigurationProperty> form, int contextWindow) {
    List<ModelInfo> models = new ArrayList<>();
    listed(configuration, find(form, MODELS), ModelInfo.Kind.CHAT, contextWindow, models);
    listed(
        configuration,
        find(form, EMBEDDING_MODELS),
        ModelInfo.Kind.EMBEDDING,
        contextWindow,
        models);
    return List.copyOf(models);
  }

  private static void listed(
      Configuration configuration,
      ConfigurationProperty property,
      ModelInfo.Kind kind,
      int contextWindow,
      List<ModelInfo> models) {
    if (property != null) {
      configuration
          .list(property)
          .forEach(model -> models.add(new ModelInfo(model, kind, contextWindow)));
    }
  }

  private static ConfigurationProperty find(List<ConfigurationProperty> form, String key) {
    return form.stream().filter(property -> property.key().equals(key)).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    // the record's own toString would print the API key
    return "ProviderSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }
}
