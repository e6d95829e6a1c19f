package io.protohive.plugins.ollama;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What the models need from a tenant's Ollama configuration. Each default is declared once, on its
 * property, and read through it, so the form shows the values the models are really built with when
 * a field is left empty.
 *
 * <p>The model lists are what the tenant says it pulled, not what the server reports: listing
 * models must work while the server is down or not yet reachable, and a tenant may not want every
 * pulled model offered to its agents.
 */
record OllamaSettings(String baseUrl, Duration timeout) {

  static final ConfigurationProperty BASE_URL =
      ConfigurationProperty.of("baseUrl", "Base URL", ConfigurationType.URL)
          .withDefault("http://localhost:11434")
          .withHelp("Where the Ollama server listens.");
  static final ConfigurationProperty MODELS =
      ConfigurationProperty.of("models", "Chat models", ConfigurationType.LIST)
          .withDefault("llama3.2")
          .withHelp("Pulled chat models agents may use, one per line.");
  static final ConfigurationProperty EMBEDDING_MODELS =
      ConfigurationProperty.of("embeddingModels", "Embedding models", ConfigurationType.LIST)
          .withDefault("nomic-embed-text")
          .withHelp("Pulled embedding models, one per line.");
  static final ConfigurationProperty TIMEOUT_SECONDS =
      ConfigurationProperty.of("timeoutSeconds", "Timeout (seconds)", ConfigurationType.INTEGER)
          .withDefault("120")
          .withHelp(
              "How long to wait for the first byte of an answer; loading a model into memory"
                  + " takes a while.");

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(BASE_URL, MODELS, EMBEDDING_MODELS, TIMEOUT_SECONDS);

  static OllamaSettings from(Configuration configuration) {
    return new OllamaSettings(configuration.text(BASE_URL), configuration.seconds(TIMEOUT_SECONDS));
  }
}
