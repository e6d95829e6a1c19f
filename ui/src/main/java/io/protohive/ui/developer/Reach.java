package io.protohive.ui.developer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Page;
import io.protohive.ui.task.TaskBoardView;
import io.protohive.ui.webhook.WebhooksView;

/**
 * The organizations the person manages, each with the way to its webhooks and to its routines (on
 * its task board): what a developer wires to programs besides tokens.
 */
class Reach extends VerticalLayout {

  private final OrganizationService organizations;
  private final Grid<OrganizationView> grid = new Grid<>(OrganizationView.class, false);

  Reach(OrganizationService organizations) {
    this.organizations = organizations;
    setPadding(false);
    grid.setId("reach");
    grid.addColumn(OrganizationView::name).setHeader("Organization").setFlexGrow(2);
    grid.addComponentColumn(
        o ->
            link(
                "Webhooks",
                "reach-webhooks-" + o.id(),
                WebhooksView.class,
                WebhooksView.parameters(o.id())));
    grid.addComponentColumn(
        o ->
            link(
                "Routines",
                "reach-routines-" + o.id(),
                TaskBoardView.class,
                TaskBoardView.parameters(o.id())));
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText("You manage no organization: its admins and owners set these up.");
    add(
        new H3("Webhooks and routines"),
        new Paragraph(
            "Webhooks send an organization's events to your programs as signed POSTs; routines"
                + " give its agents recurring work on a cron schedule or when a program calls."),
        grid);
  }

  /** Shows the organizations the caller may manage, where both are set up. */
  void show(Caller caller) {
    grid.setItems(
        Page.every(cursor -> organizations.list(caller, Page.MAX_LIMIT, cursor)).stream()
            .filter(o -> Permission.EDIT.grantedTo(o.role()))
            .toList());
  }

  private static RouterLink link(
      String text, String id, Class<? extends Component> view, RouteParameters parameters) {
    RouterLink link = new RouterLink(text, view, parameters);
    link.setId(id);
    return link;
  }
}
