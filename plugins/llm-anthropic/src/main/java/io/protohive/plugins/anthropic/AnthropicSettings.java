package io.protohive.plugins.anthropic;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;

/**
 * The form a tenant admin fills in for Anthropic: the settings every provider has, and the answer
 * length Anthropic requires. The model list needs no API key, so it shows before one is entered.
 */
final class AnthropicSettings {

  static final ConfigurationProperty MAX_TOKENS =
      ConfigurationProperty.of("maxTokens", "Maximum answer tokens", ConfigurationType.INTEGER)
          .withDefault("1024")
          .withHelp("Anthropic requires a limit on the length of every answer.");

  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ProviderSettings.apiKey("A key from the Anthropic Console, sent as the x-api-key header.")
              .asRequired(),
          ProviderSettings.baseUrl(
              "https://api.anthropic.com/v1",
              "The Messages API root; change it only for a proxy or gateway."),
          ProviderSettings.chatModels(
              "Models",
              "claude-3-5-haiku-latest",
              "The Claude models agents may use, one per line."),
          MAX_TOKENS,
          ProviderSettings.timeout(60, "How long to wait for the first byte of an answer."));

  private AnthropicSettings() {}
}
