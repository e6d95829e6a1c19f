package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.organization.AgentView;
import io.protohive.ui.layout.ColoredInitial;
import java.util.Optional;

/**
 * One agent in the org chart: its colour, name, role, model and tools. Its manager is named in
 * words too, since a screen reader does not see the lines of the chart.
 */
final class AgentCard extends Card {

  private final AgentView agent;

  AgentCard(AgentView agent, Optional<AgentView> manager) {
    this.agent = agent;
    setId("agent-card-" + agent.id());
    setWidth("14em");
    addThemeVariants(CardVariant.LUMO_OUTLINED);
    getStyle().set("border-top", "4px solid " + agent.color());

    setHeaderPrefix(new ColoredInitial(agent.name(), agent.color()));
    setTitle(new Span(agent.name()));
    setSubtitle(new Span(agent.role()));
    manager.ifPresent(m -> add(detail("Reports to " + m.name())));
    add(detail("Model: " + model(agent)));
    add(tools(agent));
  }

  /** Adds the button that opens a conversation with the agent: every member may talk to it. */
  void addChat(Runnable chat) {
    Button chatButton = new Button("Chat", VaadinIcon.CHAT.create(), click -> chat.run());
    chatButton.setId("chat-" + agent.id());
    chatButton.setAriaLabel("Chat with " + agent.name());
    chatButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    addToFooter(chatButton);
  }

  /** Adds the button that searches what the agent remembers: every member may look. */
  void addMemory(Runnable search) {
    Button memoryButton = new Button("Memory", click -> search.run());
    memoryButton.setId("memory-" + agent.id());
    memoryButton.setAriaLabel("Search the memory of " + agent.name());
    memoryButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    addToFooter(memoryButton);
  }

  /** Adds the buttons of those who may edit the organization. */
  void addActions(Runnable edit, Runnable remove) {
    Button editButton = new Button(VaadinIcon.EDIT.create(), click -> edit.run());
    editButton.setId("edit-agent-" + agent.id());
    editButton.setAriaLabel("Edit " + agent.name());
    editButton.addThemeVariants(
        ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_SMALL);
    Button removeButton = new Button(VaadinIcon.TRASH.create(), click -> remove.run());
    removeButton.setId("remove-agent-" + agent.id());
    removeButton.setAriaLabel("Remove " + agent.name());
    removeButton.addThemeVariants(
        ButtonVariant.LUMO_TERTIARY,
        ButtonVariant.LUMO_ICON,
        ButtonVariant.LUMO_SMALL,
        ButtonVariant.LUMO_ERROR);
    addToFooter(editButton, removeButton);
  }

  private static String model(AgentView agent) {
    return agent.providerId() == null
        ? "tenant's route"
        : agent.providerId() + " · " + agent.model();
  }

  private static Div tools(AgentView agent) {
    Div tools = new Div();
    tools.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.25em");
    if (agent.tools().isEmpty()) {
      tools.add(detail("No tools"));
    }
    agent
        .tools()
        .forEach(
            tool -> {
              Span badge = new Span(tool);
              badge.getElement().setAttribute("theme", "badge contrast small");
              tools.add(badge);
            });
    return tools;
  }

  private static Span detail(String text) {
    Span detail = new Span(text);
    detail.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    return detail;
  }
}
