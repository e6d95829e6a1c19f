package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.organization.AgentToolIds;
import org.junit.jupiter.api.Test;

class McpToolTest {

  @Test
  void anIdNamesAServerAndOneOfItsToolsAsTheServerSpellsIt() {
    assertThat(McpTool.idOf("github", "search_issues")).isEqualTo("mcp.github.search_issues");
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.github.search_issues").matches()).isTrue();
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.everything.getTinyImage").matches()).isTrue();
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.my-server.tools.v2.run").matches()).isTrue();
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.GitHub.search").matches())
        .as("server names")
        .isFalse();
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.github.").matches()).isFalse();
    assertThat(AgentToolIds.MCP_TOOL.matcher("mcp.github.rm -rf").matches()).isFalse();
    assertThat(AgentToolIds.MCP_TOOL.matcher("clock.now").matches()).isFalse();
  }
}
