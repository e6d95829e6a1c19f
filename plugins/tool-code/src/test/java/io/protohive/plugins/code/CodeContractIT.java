package io.protohive.plugins.code;

import io.protohive.plugin.testkit.PluginContract;
import java.util.Map;

/** The packaged, signed code plugin passes the contract in a real plugin host. */
class CodeContractIT extends PluginContract {

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    return Map.of(CodeRunTool.ID, Map.of("language", "python", "code", "print(6 * 7)"));
  }
}
