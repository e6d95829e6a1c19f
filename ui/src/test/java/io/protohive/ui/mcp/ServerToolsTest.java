package io.protohive.ui.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.mcp.McpToolPolicy;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ServerToolsTest {

  @Test
  void everyPolicyReadsAsWords() {
    assertThat(ServerTools.label(McpToolPolicy.ALLOWED)).isEqualTo("Allowed");
    assertThat(ServerTools.label(McpToolPolicy.OFF)).isEqualTo("Off");
    assertThat(Arrays.stream(McpToolPolicy.values()).map(ServerTools::label))
        .allMatch(label -> !label.contains("_") && Character.isUpperCase(label.charAt(0)));
  }
}
