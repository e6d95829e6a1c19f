package io.protohive.ui.organization;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.protohive.kernel.organization.AgentDraft;
import io.protohive.kernel.organization.AgentView;
import io.protohive.ui.llm.ModelChoice;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of an agent, new or existing, as the fields of a form. A tool or provider the agent
 * has but the tenant no longer offers stays offered, labelled so, so that saving keeps it.
 */
final class AgentForm extends FormLayout {

  private final AgentView agent;
  private final TextField name = new TextField("Name");
  private final TextField role = new TextField("Role");
  private final TextArea persona = new TextArea("Persona");
  private final ComboBox<AgentView> manager = new ComboBox<>("Reports to");
  private final ToolChoice toolChoice;
  private final ModelChoice model;
  private final NumberField temperature = new NumberField("Temperature");
  private final IntegerField maxSteps = new IntegerField("Most steps per turn");
  private final TextField color = new TextField("Colour");
  private final Div swatch = new Div();

  /**
   * @param agent the agent to change, or {@code null} for a new one
   */
  AgentForm(AgentOptions options, AgentView agent) {
    this.agent = agent;
    this.toolChoice = new ToolChoice(options.tools(), agent == null ? List.of() : agent.tools());

    name.setId("agent-name");
    role.setId("agent-role");
    role.setPlaceholder("What it does, such as Product manager");
    persona.setId("agent-persona");
    persona.setPlaceholder("You are ..., who ...");
    persona.setHelperText("How the agent sees itself and works: its system prompt.");
    persona.setMinHeight("8em");

    manager.setId("agent-manager");
    manager.setItems(options.lines().possibleManagersOf(agent));
    manager.setItemLabelGenerator(m -> m.name() + " (" + m.role() + ")");
    manager.setPlaceholder("Reports to no one");
    manager.setClearButtonVisible(true);

    model =
        agent == null
            ? new ModelChoice(options.providers(), null, null)
            : new ModelChoice(options.providers(), agent.providerId(), agent.model());
    model.provider().setId("agent-provider");
    model.provider().setPlaceholder("The tenant's route");
    model.provider().setClearButtonVisible(true);
    model.model().setId("agent-model");

    temperature.setId("agent-temperature");
    temperature.setMin(0);
    temperature.setMax(2);
    temperature.setStep(0.1);
    temperature.setStepButtonsVisible(true);
    temperature.setPlaceholder("The model's default");
    maxSteps.setId("agent-max-steps");
    maxSteps.setMin(1);
    maxSteps.setMax(20);
    maxSteps.setStepButtonsVisible(true);
    maxSteps.setHelperText("Model calls and tool calls in one answer, 1 to 20.");

    color.setId("agent-color");
    color.setPlaceholder("#rrggbb");
    color.setAllowedCharPattern("[#0-9a-fA-F]");
    color.setMaxLength(7);
    color.setValueChangeMode(ValueChangeMode.LAZY);
    color.setPrefixComponent(swatch);
    color.addValueChangeListener(change -> showSwatch());
    swatch.getStyle().set("width", "1em").set("height", "1em").set("border-radius", "50%");

    if (agent != null) {
      fill(agent, options.lines());
    } else {
      color.setHelperText("Empty: the next colour of the palette.");
    }

    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
    add(name, role);
    add(persona, 2);
    add(manager);
    add(toolChoice, 2);
    add(model.provider(), model.model(), temperature, maxSteps, color);
  }

  private void fill(AgentView agent, ReportingLines lines) {
    name.setValue(agent.name());
    role.setValue(agent.role());
    persona.setValue(agent.persona());
    manager.setValue(lines.managerOf(agent).orElse(null));
    toolChoice.setValue(Set.copyOf(agent.tools()));
    temperature.setValue(agent.temperature());
    maxSteps.setValue(agent.maxSteps());
    color.setValue(agent.color());
  }

  /** The settings as the fields hold them; an emptied model or temperature goes back to default. */
  AgentDraft draft() {
    return new AgentDraft(
        name.getValue(),
        role.getValue(),
        persona.getValue(),
        manager.isEmpty() ? null : manager.getValue().id(),
        manager.isEmpty(),
        model.provider().getValue(),
        model.model().getValue(),
        model.provider().isEmpty(),
        temperature.getValue(),
        temperature.isEmpty(),
        maxSteps.getValue(),
        List.copyOf(toolChoice.getValue()),
        color.isEmpty() ? null : color.getValue());
  }

  /** The fields by the names the platform gives them when it refuses an agent. */
  Map<String, HasValidation> errorPlaces() {
    return Map.of(
        "name", name,
        "role", role,
        "persona", persona,
        "managerId", manager,
        "tools", toolChoice,
        "model", model.model(),
        "temperature", temperature,
        "maxSteps", maxSteps,
        "color", color);
  }

  /**
   * Shows the colour as typed: the field takes only the characters of one, so it is safe as CSS.
   */
  private void showSwatch() {
    swatch.getStyle().set("background", color.getValue());
  }
}
