package io.protohive.plugins.clock;

import io.protohive.plugin.testkit.PluginContract;
import java.util.Map;

/** The packaged, signed clock plugin passes the contract in a real plugin host. */
class ClockContractIT extends PluginContract {

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    return Map.of(ClockTool.ID, Map.of("zone", "Europe/Berlin"));
  }
}
