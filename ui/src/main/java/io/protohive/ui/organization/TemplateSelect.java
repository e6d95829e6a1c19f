package io.protohive.ui.organization;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.organization.OrganizationTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a new organization starts from: blank, or one of the templates, each offered with its
 * description and the agents it brings, so that the choice is made knowing what it creates.
 */
final class TemplateSelect extends Select<OrganizationTemplate> {

  private static final String BLANK = "Blank";

  TemplateSelect(List<OrganizationTemplate> templates) {
    setId("organization-template");
    setAriaLabel("Start from");
    setItems(templates);
    setEmptySelectionAllowed(true);
    setEmptySelectionCaption(BLANK);
    // also asked for the blank choice, whose item shows the caption
    setItemLabelGenerator(template -> template == null ? BLANK : template.name());
    setRenderer(new ComponentRenderer<>(TemplateSelect::summary));
    setWidth("14em");
  }

  /**
   * @return the id of the chosen template, or {@code null} for a blank organization
   */
  String templateId() {
    return isEmpty() ? null : getValue().id();
  }

  private static Div summary(OrganizationTemplate template) {
    Span name = new Span(template.name());
    name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span description = new Span(template.description());
    description.addClassNames(LumoUtility.FontSize.SMALL);
    Span agents =
        new Span(
            template.agents().stream()
                .map(agent -> agent.name() + " (" + agent.role() + ")")
                .collect(Collectors.joining(", ")));
    agents.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    Div summary = new Div(name, description, agents);
    summary
        .getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("max-width", "32em")
        .set("white-space", "normal");
    return summary;
  }
}
