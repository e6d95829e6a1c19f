package io.protohive.plugins.anthropic;

import io.protohive.llm.fakes.AnthropicFakeServer;
import io.protohive.plugin.api.Configuration;
import java.util.Map;

/** A tenant's configuration that points the provider at a fake server. */
final class TenantSettings {

  /** Shaped like a real key, so that a leak would be easy to spot and to search for. */
  static final String API_KEY = "sk-ant-api03-test-key-0123456789";

  static final String MODEL = "claude-3-5-haiku-latest";

  private TenantSettings() {}

  static Configuration pointingAt(AnthropicFakeServer fake) {
    return Configuration.of(
        Map.of("apiKey", API_KEY, "baseUrl", fake.apiUrl(), "timeoutSeconds", "5"));
  }
}
