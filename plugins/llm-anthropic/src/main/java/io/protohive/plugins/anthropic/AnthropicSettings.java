package io.protohive.plugins.anthropic;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.time.Duration;
import java.util.List;

/**
 * What a model needs from a tenant's Anthropic configuration. Each default is declared once, on its
 * property, and read through it, so the form shows the values the models are really built with when
 * a field is left empty. The model list needs no API key, so it shows before one is entered.
 */
record AnthropicSettings(String apiKey, String baseUrl, int maxTokens, Duration timeout) {

  static final ConfigurationProperty API_KEY =
      ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING)
          .asRequired()
          .asSecret()
          .withHelp("A key from the Anthropic Console, sent as the x-api-key header.");
  static final ConfigurationProperty BASE_URL =
      ConfigurationProperty.of("baseUrl", "Base URL", ConfigurationType.URL)
          .withDefault("https://api.anthropic.com/v1")
          .withHelp("The Messages API root; change it only for a proxy or gateway.");
  static final ConfigurationProperty MODELS =
      ConfigurationProperty.of("models", "Models", ConfigurationType.LIST)
          .withDefault("claude-3-5-haiku-latest")
          .withHelp("The Claude models agents may use, one per line.");
  static final ConfigurationProperty MAX_TOKENS =
      ConfigurationProperty.of("maxTokens", "Maximum answer tokens", ConfigurationType.INTEGER)
          .withDefault("1024")
          .withHelp("Anthropic requires a limit on the length of every answer.");
  static final ConfigurationProperty TIMEOUT_SECONDS =
      ConfigurationProperty.of("timeoutSeconds", "Timeout (seconds)", ConfigurationType.INTEGER)
          .withDefault("60")
          .withHelp("How long to wait for the first byte of an answer.");

  /** The form a tenant admin fills in. */
  static final List<ConfigurationProperty> PROPERTIES =
      List.of(API_KEY, BASE_URL, MODELS, MAX_TOKENS, TIMEOUT_SECONDS);

  /** The settings of one tenant; fails when the API key is missing. */
  static AnthropicSettings from(Configuration configuration) {
    return new AnthropicSettings(
        configuration.require(API_KEY.key()).trim(),
        configuration.text(BASE_URL),
        configuration.integer(MAX_TOKENS),
        configuration.seconds(TIMEOUT_SECONDS));
  }

  @Override
  public String toString() {
    // the record's own toString would print the API key
    return "AnthropicSettings[baseUrl=" + baseUrl + ", maxTokens=" + maxTokens + "]";
  }
}
