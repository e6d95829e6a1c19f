package io.protohive.plugins.web;

import io.protohive.plugin.testkit.PluginContract;
import java.util.Map;

/** The packaged, signed web plugin passes the contract in a real plugin host. */
class WebContractIT extends PluginContract {

  @Override
  protected Map<String, String> sampleConfiguration() {
    return Map.of("baseUrl", "http://127.0.0.1:9/");
  }

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    // refused before any network access: the answer is a tool error, within the deadline
    return Map.of(
        "web.search", Map.of("query", "otters"),
        "web.read", Map.of("url", "http://127.0.0.1/"));
  }
}
