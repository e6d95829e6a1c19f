package io.protohive.ui.organization;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;

/** The caller's organizations, and a new one, blank or from a template. */
@Route(value = "organizations", layout = MainLayout.class)
@PageTitle("Organizations · ProtoHive")
public class OrganizationsView extends VerticalLayout implements SignedInOnly {

  private final OrganizationService organizations;
  private final Grid<OrganizationView> grid = new Grid<>(OrganizationView.class, false);

  @Inject
  public OrganizationsView(OrganizationService organizations, OrganizationTemplates templates) {
    this.organizations = organizations;
    grid.setId("organizations");
    grid.addColumn(OrganizationView::name).setHeader("Organization");
    grid.addColumn(o -> o.role().name().toLowerCase()).setHeader("Your role");
    grid.addColumn(o -> Dates.format(o.createdAt())).setHeader("Created");
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(
        click ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            OrganizationDetailView.class,
                            new RouteParameters("id", click.getItem().id().toString()))));

    Paragraph problem = new Paragraph();
    NewOrganizationForm newOrganization =
        new NewOrganizationForm(
            organizations,
            templates,
            SignedInUser.current().map(SignedInUser::caller).orElse(null),
            created -> refresh());
    add(new H2("Organizations"), newOrganization, problem, grid);
    if (SignedInUser.current().map(u -> u.tenantId() != null).orElse(false)) {
      refresh();
    } else {
      newOrganization.setVisible(false);
      problem.setText("Organizations belong to tenants; platform admins have none.");
    }
  }

  private void refresh() {
    grid.setItems(organizations.list(caller(), Page.MAX_LIMIT, null).items());
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
