package io.protohive.ui.mcp;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.mcp.McpToolPolicy;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.Notices;
import java.util.Locale;

/**
 * The tools of one MCP server as it last listed them, each with the tenant's policy for it, which
 * takes effect as soon as it is chosen. The policies offered are those the platform knows.
 */
final class ServerTools extends Grid<McpServerView.Tool> {

  private final McpServers servers;
  private final Caller admin;
  private final McpServerView server;
  private final Runnable changed;

  /**
   * @param changed what to do once a policy was chosen, taken or not
   */
  ServerTools(McpServers servers, Caller admin, McpServerView server, Runnable changed) {
    super(McpServerView.Tool.class, false);
    this.servers = servers;
    this.admin = admin;
    this.server = server;
    this.changed = changed;
    setId("mcp-tools-" + server.name());
    addColumn(McpServerView.Tool::name).setHeader("Tool").setAutoWidth(true).setFlexGrow(0);
    addColumn(McpServerView.Tool::description).setHeader("Description");
    addColumn(new ComponentRenderer<>(this::policyChoice))
        .setHeader("Policy")
        .setAutoWidth(true)
        .setFlexGrow(0);
    addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
    setAllRowsVisible(true);
    setItems(server.tools());
  }

  /** A policy as people read it: ASK_FIRST as "Ask first". */
  static String label(McpToolPolicy policy) {
    String words = policy.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private Select<McpToolPolicy> policyChoice(McpServerView.Tool tool) {
    Select<McpToolPolicy> policy = new Select<>();
    policy.setId("mcp-policy-" + server.name() + "-" + tool.name());
    policy.setAriaLabel("Policy of " + tool.name());
    policy.setItems(McpToolPolicy.values());
    policy.setItemLabelGenerator(ServerTools::label);
    policy.setValue(tool.policy());
    policy.addValueChangeListener(
        change -> {
          if (change.isFromClient()) {
            choose(tool, change.getValue());
          }
        });
    return policy;
  }

  private void choose(McpServerView.Tool tool, McpToolPolicy policy) {
    try {
      servers.setPolicy(admin, server.id(), tool.name(), policy.name(), ClientAddress.current());
      Notices.success(tool.name() + " of " + server.name() + " is " + label(policy) + " now.");
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    changed.run();
  }
}
