package io.protohive.plugins.ollama;

import io.protohive.llm.fakes.OllamaFakeServer;
import io.protohive.plugin.api.Configuration;
import java.util.Map;

/** A tenant's configuration that points the provider at a fake server. */
final class TenantSettings {

  static final String MODEL = "llama3.2";
  static final String EMBEDDING_MODEL = "nomic-embed-text";

  private TenantSettings() {}

  static Configuration pointingAt(OllamaFakeServer fake) {
    return Configuration.of(Map.of("baseUrl", fake.baseUrl(), "timeoutSeconds", "5"));
  }
}
