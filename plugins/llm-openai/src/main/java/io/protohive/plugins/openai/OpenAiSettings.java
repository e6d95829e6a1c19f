package io.protohive.plugins.openai;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;

/** The form a tenant admin fills in for an OpenAI-compatible server. */
final class OpenAiSettings {

  static final List<ConfigurationProperty> PROPERTIES =
      List.of(
          ProviderSettings.apiKey(
              "Sent as a bearer token. Leave it empty for local servers that need no key,"
                  + " such as Ollama, vLLM or LM Studio."),
          ProviderSettings.baseUrl(
              "https://api.openai.com/v1",
              "The API root, ending in /v1. Any OpenAI-compatible server works: vLLM"
                  + " (http://host:8000/v1), Ollama (http://host:11434/v1), LM Studio"
                  + " (http://host:1234/v1), Azure OpenAI"
                  + " (https://resource.openai.azure.com/openai/v1)."),
          ProviderSettings.chatModels(
              "Chat models",
              "gpt-4o-mini",
              "The chat models agents may use, one per line, as the server names them."),
          ProviderSettings.embeddingModels(
              "text-embedding-3-small",
              "The embedding models knowledge bases may use, one per line."),
          ProviderSettings.timeout(
              60, "How long to wait for a connection, and for an answer to begin."));

  private OpenAiSettings() {}
}
