package io.protohive.ui.plugin;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.PluginCatalog.TenantPlugin;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.ManagedBadge;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.mcp.McpServersView;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.signin.TenantAdminOnly;
import jakarta.inject.Inject;

/**
 * The installed plugins as a tenant admin manages them: a plugin serves the tenant only once
 * switched on here, with the settings filled in here. Below them, which of their tools wait for a
 * person's approval when agents call them in task work.
 */
@Route(value = "tenant/plugins", layout = MainLayout.class)
@PageTitle("Tenant plugins · ProtoHive")
public class TenantPluginsView extends VerticalLayout implements TenantAdminOnly {

  private final PluginCatalog catalog;
  private final Grid<TenantPlugin> plugins = new Grid<>(TenantPlugin.class, false);
  private final ApprovalToolsSection approvalTools;

  @Inject
  public TenantPluginsView(
      PluginCatalog catalog, ToolApprovals approvals, ToolService tools, TenantsConfigItems items) {
    this.catalog = catalog;
    this.approvalTools = new ApprovalToolsSection(approvals, tools, items);
    RouterLink mcpServers = new RouterLink("MCP servers", McpServersView.class);
    mcpServers.setId("mcp-servers-link");
    plugins.setId("tenant-plugins");
    plugins.addColumn(TenantPlugin::name).setHeader("Plugin");
    plugins.addColumn(TenantPlugin::version).setHeader("Version");
    plugins.addColumn(TenantPlugin::vendor).setHeader("Vendor");
    plugins.addColumn(TenantPlugin::description).setHeader("Description");
    plugins.addColumn(p -> CapabilitiesText.of(p.capabilities())).setHeader("Capabilities");
    plugins.addColumn(p -> String.join(", ", p.tools())).setHeader("Tools");
    plugins.addColumn(new ComponentRenderer<>(this::enabledToggle)).setHeader("Enabled");
    plugins.addColumn(new ComponentRenderer<>(this::configureButton)).setHeader("");
    plugins
        .addColumn(new ComponentRenderer<>(p -> p.managed() ? new ManagedBadge() : new Span()))
        .setHeader("");
    plugins.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    plugins.setAllRowsVisible(true);

    add(
        new H2("Tenant plugins"),
        new Paragraph(
            new Text(
                "Your tenant's agents and people can use a plugin's tools once you enable it"
                    + " here. Tools of other services come from the "),
            mcpServers,
            new Text(" you register.")),
        plugins,
        approvalTools);
  }

  @Override
  public void entered() {
    refresh();
  }

  private Checkbox enabledToggle(TenantPlugin plugin) {
    Checkbox enabled = new Checkbox(plugin.enabled());
    enabled.setId("enabled-" + plugin.id());
    enabled.setAriaLabel("Enabled");
    enabled.setReadOnly(plugin.managed());
    enabled.addValueChangeListener(
        change -> {
          if (!change.isFromClient()) {
            return;
          }
          if (change.getValue() && plugin.capabilities().executesCode()) {
            confirmCode(plugin);
          } else {
            switchTo(plugin, change.getValue(), false);
          }
        });
    return enabled;
  }

  /** A plugin that runs code is enabled only once its admin allows that in so many words. */
  private void confirmCode(TenantPlugin plugin) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Allow " + plugin.name() + " to run code?",
            "Agents of your tenant will be able to run code they write with this plugin. It runs"
                + " in a sandbox without network and within limits of time and memory; the files"
                + " it writes are kept as your organizations' files.",
            "Allow and enable",
            confirmed -> switchTo(plugin, true, true));
    confirm.setId("allow-code");
    confirm.setCancelable(true);
    confirm.addCancelListener(cancelled -> refresh());
    confirm.open();
  }

  private void switchTo(TenantPlugin plugin, boolean on, boolean allowCode) {
    try {
      catalog.configure(caller(), plugin.id(), on, null, allowCode, ClientAddress.current());
      Notices.success((on ? "Enabled " : "Disabled ") + plugin.name() + " for your tenant.");
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    refresh();
  }

  private Button configureButton(TenantPlugin plugin) {
    Button configure = new Button(plugin.managed() ? "Settings" : "Configure");
    configure.setId("configure-" + plugin.id());
    configure.addThemeVariants(ButtonVariant.LUMO_SMALL);
    configure.addClickListener(
        click -> {
          try {
            new PluginSettingsDialog(
                    catalog, plugin.name(), catalog.settings(caller(), plugin.id()), this::refresh)
                .open();
          } catch (Rejection rejection) {
            Notices.error(rejection.getMessage());
          }
        });
    return configure;
  }

  /** Shows the plugins, and the tools there are to hold, which change as plugins are enabled. */
  private void refresh() {
    plugins.setItems(catalog.forTenant(caller()));
    approvalTools.show(caller());
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
