package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.Map;

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

    TextField name = new TextField();
    name.setId("organization-name");
    name.setPlaceholder("Name of a new organization");
    name.setWidth("24em");
    // a visitor is sent away before the view shows, so offers only the shipped templates
    TemplateSelect template =
        new TemplateSelect(
            templates.forTenant(
                SignedInUser.current().map(u -> u.caller().tenantId()).orElse(null)));
    Paragraph problem = new Paragraph();
    Button create = new Button("Create");
    create.setId("organization-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(
        click -> {
          try {
            organizations.create(caller(), name.getValue(), template.templateId());
            name.clear();
            name.setInvalid(false);
            template.clear();
            template.setInvalid(false);
            refresh();
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection, Map.of("name", name, "template", template), problem::setText);
          }
        });
    HorizontalLayout newOrganization = new HorizontalLayout(name, template, create);
    newOrganization.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

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
