package io.protohive.ui.organization;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.mcp.McpTool;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.ui.plugin.CapabilitiesText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tools a tenant's agents may be given, by where they come from: each plugin the tenant
 * enabled, with what it declares it does, and then the tenant's MCP servers.
 */
final class ToolGroups {

  /** The key of the group of MCP tools. */
  static final String MCP = "mcp";

  private final PluginCatalog catalog;
  private final ToolService tools;
  private final ToolApprovals approvals;
  private final McpServers mcpServers;

  ToolGroups(
      PluginCatalog catalog, ToolService tools, ToolApprovals approvals, McpServers mcpServers) {
    this.catalog = catalog;
    this.tools = tools;
    this.approvals = approvals;
    this.mcpServers = mcpServers;
  }

  List<ToolGroup> offeredTo(Caller caller) {
    return of(
        catalog.forTenant(caller),
        tools.available(caller),
        approvals.held(caller),
        mcpServers.offered(caller));
  }

  /**
   * @param held the tools the tenant's admins hold for approval
   */
  static List<ToolGroup> of(
      List<TenantPlugin> plugins,
      List<AvailableTool> available,
      List<String> held,
      List<McpTool> mcp) {
    List<ToolGroup> groups = new ArrayList<>();
    for (TenantPlugin plugin :
        plugins.stream().sorted(Comparator.comparing(TenantPlugin::name)).toList()) {
      List<ToolGroup.Option> options =
          available.stream()
              .filter(tool -> tool.pluginId().equals(plugin.id()))
              .map(tool -> option(tool, held))
              .toList();
      if (!options.isEmpty()) {
        groups.add(
            new ToolGroup(
                plugin.id(),
                plugin.name(),
                "Capabilities: " + CapabilitiesText.of(plugin.capabilities()) + ".",
                options));
      }
    }
    if (!mcp.isEmpty()) {
      groups.add(
          new ToolGroup(
              MCP,
              "MCP servers",
              "Tools of the MCP servers your tenant registered; they reach those servers.",
              mcp.stream()
                  .sorted(Comparator.comparing(McpTool::id))
                  .map(ToolGroups::option)
                  .toList()));
    }
    return groups;
  }

  private static ToolGroup.Option option(AvailableTool tool, List<String> held) {
    return new ToolGroup.Option(
        tool.id(), tool.name(), tool.description(), ToolApprovals.waits(tool, held));
  }

  private static ToolGroup.Option option(McpTool tool) {
    return new ToolGroup.Option(
        tool.id(), tool.name() + " of " + tool.server(), tool.description(), tool.asksFirst());
  }
}
