package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class McpConnectionTest {

  @Test
  void modelsSeeAToolByANameTheyAccept() {
    McpTool tool =
        new McpTool(
            UUID.randomUUID(),
            "everything",
            "get.sum two",
            "mcp.everything.get.sum two",
            "",
            "{}",
            false);
    assertThat(tool.modelName()).isEqualTo("mcp_everything_get_sum_two");
    McpTool longName =
        new McpTool(
            UUID.randomUUID(), "s", "x".repeat(100), "mcp.s." + "x".repeat(100), "", "{}", false);
    assertThat(longName.modelName()).hasSize(64);
  }
}
