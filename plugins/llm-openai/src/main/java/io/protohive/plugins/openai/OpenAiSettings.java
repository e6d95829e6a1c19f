package io.protohive.plugins.openai;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What a model needs from a tenant's OpenAI-compatible configuration. The defaults live here alone,
 * so that the form shows the values the models are really built with when a field is left empty.
 *
 * @param apiKey the key sent as a bearer token, or {@code null} for a server that needs none
 * @param baseUrl the API root that {@code /chat/completions} and {@code /embeddings} hang under
 * @param timeout how long to connect and to wait for an answer
 */
record OpenAiSettings(String apiKey, String baseUrl, Duration timeout) {

  static final String API_KEY = "apiKey";
  static final String BASE_URL = "baseUrl";
  static final String MODELS = "models";
  static final String EMBEDDING_MODELS = "embeddingModels";
  static final String TIMEOUT_SECONDS = "timeoutSeconds";

  static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  static final String DEFAULT_MODEL = "gpt-4o-mini";
  static final String DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ConfigurationProperty.of(API_KEY, "API key", ConfigurationType.STRING)
              .asSecret()
              .withHelp(
                  "Sent as a bearer token. Leave it empty for local servers that need no key,"
                      + " such as Ollama, vLLM or LM Studio."),
          ConfigurationProperty.of(BASE_URL, "Base URL", ConfigurationType.URL)
              .withDefault(DEFAULT_BASE_URL)
              .withHelp(
                  "The API root, ending in /v1. Any OpenAI-compatible server works: vLLM"
                      + " (http://host:8000/v1), Ollama (http://host:11434/v1), LM Studio"
                      + " (http://host:1234/v1), Azure OpenAI"
                      + " (https://resource.openai.azure.com/openai/v1)."),
          ConfigurationProperty.of(MODELS, "Chat models", ConfigurationType.LIST)
              .withDefault(DEFAULT_MODEL)
              .withHelp("The chat models agents may use, one per line, as the server names them."),
          ConfigurationProperty.of(EMBEDDING_MODELS, "Embedding models", ConfigurationType.LIST)
              .withDefault(DEFAULT_EMBEDDING_MODEL)
              .withHelp("The embedding models knowledge bases may use, one per line."),
          ConfigurationProperty.of(TIMEOUT_SECONDS, "Timeout (seconds)", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_TIMEOUT_SECONDS))
              .withHelp("How long to wait for a connection, and for an answer to begin."));

  /** The settings of one tenant. */
  static OpenAiSettings from(Configuration configuration) {
    return new OpenAiSettings(
        configuration.value(API_KEY).map(String::trim).orElse(null),
        configuration.value(BASE_URL).orElse(DEFAULT_BASE_URL).trim(),
        Duration.ofSeconds(configuration.integer(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)));
  }

  /** The chat models a tenant chose. */
  static List<String> chatModels(Configuration configuration) {
    return listOrDefault(configuration, MODELS, DEFAULT_MODEL);
  }

  /** The embedding models a tenant chose. */
  static List<String> embeddingModels(Configuration configuration) {
    return listOrDefault(configuration, EMBEDDING_MODELS, DEFAULT_EMBEDDING_MODEL);
  }

  private static List<String> listOrDefault(
      Configuration configuration, String key, String defaultValue) {
    List<String> values = configuration.list(key);
    return values.isEmpty() ? List.of(defaultValue) : values;
  }

  @Override
  public String toString() {
    // the record's own toString would print the API key
    return "OpenAiSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
  }
}
