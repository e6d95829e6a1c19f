package io.protohive.plugins.openai;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What a model needs from a tenant's OpenAI-compatible configuration. Each default is declared
 * once, on its property, and read through it, so the form shows the values the models are really
 * built with when a field is left empty.
 *
 * @param apiKey the key sent as a bearer token, or {@code null} for a server that needs none
 * @param baseUrl the API root that {@code /chat/completions} and {@code /embeddings} hang under
 * @param timeout how long to connect and to wait for an answer
 */
record OpenAiSettings(String apiKey, String baseUrl, Duration timeout) {

  static final ConfigurationProperty API_KEY =
      ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING)
          .asSecret()
          .withHelp(
              "Sent as a bearer token. Leave it empty for local servers that need no key,"
                  + " such as Ollama, vLLM or LM Studio.");
  static final ConfigurationProperty BASE_URL =
      ConfigurationProperty.of("baseUrl", "Base URL", ConfigurationType.URL)
          .withDefault("https://api.openai.com/v1")
          .withHelp(
              "The API root, ending in /v1. Any OpenAI-compatible server works: vLLM"
                  + " (http://host:8000/v1), Ollama (http://host:11434/v1), LM Studio"
                  + " (http://host:1234/v1), Azure OpenAI"
                  + " (https://resource.openai.azure.com/openai/v1).");
  static final ConfigurationProperty MODELS =
      ConfigurationProperty.of("models", "Chat models", ConfigurationType.LIST)
          .withDefault("gpt-4o-mini")
          .withHelp("The chat models agents may use, one per line, as the server names them.");
  static final ConfigurationProperty EMBEDDING_MODELS =
      ConfigurationProperty.of("embeddingModels", "Embedding models", ConfigurationType.LIST)
          .withDefault("text-embedding-3-small")
          .withHelp("The embedding models knowledge bases may use, one per line.");
  static final ConfigurationProperty TIMEOUT_SECONDS =
      ConfigurationProperty.of("timeoutSeconds", "Timeout (seconds)", ConfigurationType.INTEGER)
          .withDefault("60")
          .withHelp("How long to wait for a connection, and for an answer to begin.");

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(API_KEY, BASE_URL, MODELS, EMBEDDING_MODELS, TIMEOUT_SECONDS);

  /** The settings of one tenant. */
  static OpenAiSettings from(Configuration configuration) {
    return new OpenAiSettings(
        configuration.text(API_KEY),
        configuration.text(BASE_URL),
        configuration.seconds(TIMEOUT_SECONDS));
  }

  @Override
  public String toString() {
    // the record's own toString would print the API key
    return "OpenAiSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }
}
