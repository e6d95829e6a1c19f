package io.protohive.plugins.anthropic;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What a model needs from a tenant's Anthropic configuration. The defaults live here alone, so that
 * the form shows the values the models are really built with when a field is left empty.
 */
record AnthropicSettings(String apiKey, String baseUrl, int maxTokens, Duration timeout) {

  static final String API_KEY = "apiKey";
  static final String BASE_URL = "baseUrl";
  static final String MODELS = "models";
  static final String MAX_TOKENS = "maxTokens";
  static final String TIMEOUT_SECONDS = "timeoutSeconds";

  static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
  static final String DEFAULT_MODEL = "claude-3-5-haiku-latest";
  static final int DEFAULT_MAX_TOKENS = 1024;
  static final int DEFAULT_TIMEOUT_SECONDS = 60;

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ConfigurationProperty.of(API_KEY, "API key", ConfigurationType.STRING)
              .asRequired()
              .asSecret()
              .withHelp("A key from the Anthropic Console, sent as the x-api-key header."),
          ConfigurationProperty.of(BASE_URL, "Base URL", ConfigurationType.URL)
              .withDefault(DEFAULT_BASE_URL)
              .withHelp("The Messages API root; change it only for a proxy or gateway."),
          ConfigurationProperty.of(MODELS, "Models", ConfigurationType.LIST)
              .withDefault(DEFAULT_MODEL)
              .withHelp("The Claude models agents may use, one per line."),
          ConfigurationProperty.of(MAX_TOKENS, "Maximum answer tokens", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_MAX_TOKENS))
              .withHelp("Anthropic requires a limit on the length of every answer."),
          ConfigurationProperty.of(TIMEOUT_SECONDS, "Timeout (seconds)", ConfigurationType.INTEGER)
              .withDefault(String.valueOf(DEFAULT_TIMEOUT_SECONDS))
              .withHelp("How long to wait for the first byte of an answer."));

  /** The settings of one tenant; fails when the API key is missing. */
  static AnthropicSettings from(Configuration configuration) {
    return new AnthropicSettings(
        configuration.require(API_KEY),
        configuration.value(BASE_URL).orElse(DEFAULT_BASE_URL).trim(),
        configuration.integer(MAX_TOKENS, DEFAULT_MAX_TOKENS),
        Duration.ofSeconds(configuration.integer(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS)));
  }

  /** The models a tenant chose; needs no API key, so the list shows before one is entered. */
  static List<String> models(Configuration configuration) {
    List<String> models = configuration.list(MODELS);
    return models.isEmpty() ? List.of(DEFAULT_MODEL) : models;
  }

  @Override
  public String toString() {
    // the record's own toString would print the API key
    return "AnthropicSettings[baseUrl=" + baseUrl + ", maxTokens=" + maxTokens + "]";
  }
}
