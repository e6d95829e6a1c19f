package io.protohive.ui.organization;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.mcp.McpTool;
import io.protohive.kernel.plugin.CapabilitiesView;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ToolGroupsTest {

  private static final TenantPlugin HTTP =
      plugin(
          "http", "HTTP request", new CapabilitiesView(List.of("*"), false, List.of("http.post")));
  private static final TenantPlugin CLOCK = plugin("clock", "Clock", null);
  private static final TenantPlugin UNUSED = plugin("unused", "Another", null);
  private static final List<AvailableTool> AVAILABLE =
      List.of(
          new AvailableTool("clock.now", "Now", "The time now", "{}", "clock", false),
          new AvailableTool("http.get", "GET", "Reads a page", "{}", "http", false),
          new AvailableTool("http.post", "POST", "Sends a form", "{}", "http", true));

  @Test
  void pluginToolsAreGroupedByPluginWithWhatItDeclaresAndWhichCallsWait() {
    List<ToolGroup> groups =
        ToolGroups.of(List.of(HTTP, UNUSED, CLOCK), AVAILABLE, List.of("clock.now"), List.of());

    assertThat(groups).extracting(ToolGroup::title).containsExactly("Clock", "HTTP request");
    ToolGroup clock = groups.get(0);
    assertThat(clock.about()).isEqualTo("Capabilities: none declared.");
    assertThat(clock.tools())
        .containsExactly(new ToolGroup.Option("clock.now", "Now", "The time now", true));
    ToolGroup http = groups.get(1);
    assertThat(http.key()).isEqualTo("http");
    assertThat(http.about()).contains("calls *", "consequential tools: http.post");
    assertThat(http.tools())
        .extracting(ToolGroup.Option::id, ToolGroup.Option::waits)
        .containsExactly(Tuple.tuple("http.get", false), Tuple.tuple("http.post", true));
  }

  @Test
  void theTenantsMcpToolsFollowInAGroupOfTheirOwnByTheirIds() {
    UUID server = UUID.randomUUID();
    List<ToolGroup> groups =
        ToolGroups.of(
            List.of(CLOCK),
            AVAILABLE,
            List.of(),
            List.of(
                new McpTool(
                    server, "everything", "get-sum", "mcp.everything.get-sum", "Adds", "{}", false),
                new McpTool(
                    server, "everything", "echo", "mcp.everything.echo", "Echoes", "{}", true)));

    assertThat(groups).extracting(ToolGroup::key).containsExactly("clock", ToolGroups.MCP);
    assertThat(groups.get(1).tools())
        .extracting(ToolGroup.Option::id)
        .containsExactly("mcp.everything.echo", "mcp.everything.get-sum");
    assertThat(groups.get(1).tools().get(0).name()).isEqualTo("echo of everything");
    assertThat(groups.get(1).tools())
        .extracting(ToolGroup.Option::waits)
        .as("an ASK_FIRST tool's calls wait for approval")
        .containsExactly(true, false);
  }

  @Test
  void withoutMcpToolsThereIsNoMcpGroup() {
    assertThat(ToolGroups.of(List.of(CLOCK), AVAILABLE, List.of(), List.of()))
        .extracting(ToolGroup::key)
        .containsExactly("clock");
  }

  private static TenantPlugin plugin(String id, String name, CapabilitiesView capabilities) {
    return new TenantPlugin(
        id,
        name,
        "1.0.0",
        "ProtoHive",
        name,
        "ACTIVE",
        "BUILT_IN",
        null,
        capabilities,
        List.of(),
        true,
        false);
  }
}
