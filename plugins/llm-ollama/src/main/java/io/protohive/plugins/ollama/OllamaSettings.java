package io.protohive.plugins.ollama;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What the models need from a tenant's Ollama configuration. The defaults live here alone, so that
 * the form shows the values the models are really built with when a field is left empty.
 *
 * <p>The model lists are what the tenant says it pulled, not what the server reports: listing
 * models must work while the server is down or not yet reachable, and a tenant may not want every
 * pulled model offered to its agents.
 */
record OllamaSettings(String baseUrl, Duration timeout) {

  static final String BASE_URL = "baseUrl";
  static final String MODELS = "models";
  static final String EMBEDDING_MODELS = "embeddingModels";
  static final String TIMEOUT_SECONDS = "timeoutSeconds";

  static final String DEFAULT_BASE_URL = "http://localhost:11434";
  static final String DEFAULT_MODEL = "llama3.2";
  static final String DEFAULT_EMBEDDING_MODEL = "nomic-embed-text";
  static final int DEFAULT_TIMEOUT_SECONDS = 120;

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ConfigurationProperty.of(BASE_URL, "Base URL", ConfigurationType.URL)
              .withDefault(DEFAULT_BASE_URL)
              .withHelp("Where the Ollama server listens."),
          ConfigurationProperty.of(MODELS, "Chat models", ConfigurationType.LIST)
              .withDefault(DEFAULT_MODEL)
              .withHelp("Pulled chat models agents may use, one per line."),
          ConfigurationProperty.of(EMBEDDING_MODELS, "Embedding models", ConfigurationType.LIST)
              .withDefault(DEFAULT_EMBEDDING_MODEL)
              .withHelp("Pulled embedding models, one per line."),
          ConfigurationProperty.of(TIMEOUT_SECONDS, "Timeout (seconds)", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_TIMEOUT_SECONDS))
              .withHelp(
                  "How long to wait for the first byte of an answer; loading a model into memory"
                      + " takes a while."));

  static OllamaSettings from(Configuration configuration) {
    return new OllamaSettings(
        configuration.value(BASE_URL).orElse(DEFAULT_BASE_URL).trim(),
        Duration.ofSeconds(configuration.integer(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)));
  }

  static List<String> chatModels(Configuration configuration) {
    return listOrDefault(configuration, MODELS, DEFAULT_MODEL);
  }

  static List<String> embeddingModels(Configuration configuration) {
    return listOrDefault(configuration, EMBEDDING_MODELS, DEFAULT_EMBEDDING_MODEL);
  }

  private static List<String> listOrDefault(
      Configuration configuration, String key, String defaultValue) {
    List<String> values = configuration.list(key);
    return values.isEmpty() ? List.of(defaultValue) : values;
  }
}
