package io.protohive.ui.mcp;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.mcp.McpServerView;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.signin.TenantAdminOnly;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The MCP servers a tenant admin registered, and below them each server's tools with the tenant's
 * policy for each: agents of the tenant are offered the tools that are allowed.
 */
@Route(value = "tenant/mcp-servers", layout = MainLayout.class)
@PageTitle("MCP servers · ProtoHive")
public class McpServersView extends VerticalLayout implements TenantAdminOnly {

  private final McpServers servers;
  private final Grid<McpServerView> grid = new Grid<>(McpServerView.class, false);
  private final VerticalLayout tools = new VerticalLayout();

  @Inject
  public McpServersView(McpServers servers) {
    this.servers = servers;
    grid.setId("mcp-servers");
    grid.addColumn(McpServerView::name).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(McpServerView::where)
        .setHeader("URL or command")
        .setTooltipGenerator(McpServerView::where)
        .setFlexGrow(1);
    grid.addColumn(s -> s.hasToken() ? "set" : "none")
        .setHeader("Token")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(s -> s.tools().size()).setHeader("Tools").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(new ComponentRenderer<>(this::actions))
        .setHeader("")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);
    tools.setPadding(false);

    Button register = new Button("Register server", VaadinIcon.PLUS.create());
    register.setId("mcp-register");
    register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    register.addClickListener(
        click -> new RegisterServerDialog(servers, caller(), this::refresh).open());

    add(
        new H2("MCP servers"),
        new Paragraph(
            "Your tenant's agents may use the tools of the MCP servers you register here, unless"
                + " you turn a tool off."),
        register,
        grid,
        tools);
  }

  @Override
  public void entered() {
    refresh();
  }

  private HorizontalLayout actions(McpServerView server) {
    Button refreshTools = new Button("Refresh tools", click -> refreshTools(server));
    refreshTools.setId("mcp-refresh-" + server.name());
    refreshTools.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button delete = new Button("Delete", click -> confirmDeletion(server));
    delete.setId("mcp-delete-" + server.name());
    delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(refreshTools, delete);
  }

  private void refreshTools(McpServerView server) {
    try {
      McpServerView listed = servers.refresh(caller(), server.id(), ClientAddress.current());
      Notices.success(server.name() + " offers " + listed.tools().size() + " tools now.");
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    refresh();
  }

  private void confirmDeletion(McpServerView server) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Delete " + server.name() + "?",
            "Agents of your tenant are no longer offered the tools of "
                + server.name()
                + "; its token is deleted with it.",
            "Delete",
            confirmed -> {
              try {
                servers.delete(caller(), server.id(), ClientAddress.current());
                Notices.success("Deleted " + server.name() + ".");
              } catch (Rejection rejection) {
                Notices.error(rejection.getMessage());
              }
              refresh();
            });
    confirm.setId("mcp-delete-confirm");
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }

  private void refresh() {
    List<McpServerView> registered = servers.list(caller());
    grid.setItems(registered);
    tools.removeAll();
    for (McpServerView server : registered) {
      Details details =
          new Details(
              "Tools of " + server.name(),
              new ServerTools(servers, caller(), server, this::refresh));
      details.setOpened(true);
      details.setWidthFull();
      tools.add(details);
    }
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
