package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class McpToolTest {

  @Test
  void anIdNamesAServerAndOneOfItsToolsAsTheServerSpellsIt() {
    assertThat(McpTool.idOf("github", "search_issues")).isEqualTo("mcp.github.search_issues");
    assertThat(McpTool.ID.matcher("mcp.github.search_issues").matches()).isTrue();
    assertThat(McpTool.ID.matcher("mcp.everything.getTinyImage").matches()).isTrue();
    assertThat(McpTool.ID.matcher("mcp.my-server.tools.v2.run").matches()).isTrue();
    assertThat(McpTool.ID.matcher("mcp.GitHub.search").matches()).as("server names").isFalse();
    assertThat(McpTool.ID.matcher("mcp.github.").matches()).isFalse();
    assertThat(McpTool.ID.matcher("mcp.github.rm -rf").matches()).isFalse();
    assertThat(McpTool.ID.matcher("clock.now").matches()).isFalse();
  }
}
