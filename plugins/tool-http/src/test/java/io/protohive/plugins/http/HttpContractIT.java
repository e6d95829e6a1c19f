package io.protohive.plugins.http;

import io.protohive.plugin.testkit.PluginContract;
import java.util.Map;

/** The packaged, signed HTTP plugin passes the contract in a real plugin host. */
class HttpContractIT extends PluginContract {

  @Override
  protected Map<String, String> sampleConfiguration() {
    return Map.of("allowedHosts", "api.example.com");
  }

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    // refused before any network access: the answer is a tool error, within the deadline
    return Map.of(
        "http.get", Map.of("url", "http://127.0.0.1/"),
        "http.post", Map.of("url", "http://127.0.0.1/", "body", "{}"));
  }
}
