package com.example.protohive.tool;

import io.protohive.plugin.testkit.PluginContract;
import java.util.Map;

/** The packaged, signed jar passes the plugin contract in a real plugin host. */
class ExampleToolContractIT extends PluginContract {

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    return Map.of(ExampleTool.ID, Map.of("text", "hello"));
  }
}
