package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import java.util.Map;
import java.util.function.Consumer;

/** A new organization: its name and what it starts from, blank or a template. */
public class NewOrganizationForm extends VerticalLayout {

  private final TextField name = new TextField();
  private final TemplateSelect template;

  /**
   * @param created told of each organization created, after the form is cleared
   */
  public NewOrganizationForm(
      OrganizationService organizations,
      OrganizationTemplates templates,
      Caller caller,
      Consumer<OrganizationView> created) {
    setPadding(false);
    name.setId("organization-name");
    name.setPlaceholder("Name of a new organization");
    name.setWidth("24em");
    // a visitor is sent away before the view shows, so is offered the shipped templates only
    template = new TemplateSelect(templates.forTenant(caller == null ? null : caller.tenantId()));
    Paragraph problem = new Paragraph();
    Button create = new Button("Create");
    create.setId("organization-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(
        click -> {
          try {
            OrganizationView organization =
                organizations.create(caller, name.getValue(), template.templateId());
            name.clear();
            name.setInvalid(false);
            template.clear();
            template.setInvalid(false);
            problem.setText("");
            created.accept(organization);
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection, Map.of("name", name, "template", template), problem::setText);
          }
        });
    HorizontalLayout fields = new HorizontalLayout(name, template, create);
    fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    fields.setWrap(true);
    add(fields, problem);
  }

  /** Offers the first template, for a start that brings a ready team of agents. */
  public void suggestFirstTemplate() {
    template.getListDataView().getItems().findFirst().ifPresent(template::setValue);
  }
}
