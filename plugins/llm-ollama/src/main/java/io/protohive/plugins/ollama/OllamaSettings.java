package io.protohive.plugins.ollama;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;

/**
 * The form a tenant admin fills in for an Ollama server. The model lists are what the tenant says
 * it pulled, not what the server reports: listing models must work while the server is down or not
 * yet reachable, and a tenant may not want every pulled model offered to its agents.
 */
final class OllamaSettings {

  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ProviderSettings.baseUrl("http://localhost:11434", "Where the Ollama server listens."),
          ProviderSettings.chatModels(
              "Chat models", "llama3.2", "Pulled chat models agents may use, one per line."),
          ProviderSettings.embeddingModels(
              "nomic-embed-text", "Pulled embedding models, one per line."),
          ProviderSettings.timeout(
              120,
              "How long to wait for the first byte of an answer; loading a model into memory"
                  + " takes a while."));

  private OllamaSettings() {}
}
