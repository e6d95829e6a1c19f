package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.conversation.AgentRuntime;
import io.protohive.kernel.conversation.SpeakerSelection;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses the agents of a new conversation, how the next of them to speak is chosen, and its title.
 * The agents join in the organization's order; with @mentions, the first of them answers whoever
 * addresses no one by name. A moderator may be any agent of the organization, taking part or not.
 */
final class NewConversationDialog extends Dialog {

  private final MultiSelectComboBox<AgentView> chosen = new MultiSelectComboBox<>("Agents");
  private final RadioButtonGroup<SpeakerSelection> selection =
      new RadioButtonGroup<>("How speakers are chosen");
  private final ComboBox<AgentView> moderator = new ComboBox<>("Moderator");
  private final TextField title = new TextField("Title");

  NewConversationDialog(
      ConversationStarter starter, Caller caller, UUID organizationId, List<AgentView> agents) {
    setHeaderTitle("New conversation");
    setWidth("32em");
    chosen.setId("conversation-agents");
    chosen.setItems(agents);
    chosen.setItemLabelGenerator(NewConversationDialog::nameAndRole);
    chosen.setWidthFull();

    selection.setId("conversation-speakers");
    selection.setItems(SpeakerSelection.values());
    selection.setRenderer(new ComponentRenderer<>(NewConversationDialog::way));
    selection.setValue(SpeakerSelection.MENTION);
    selection.setHelperText(
        "However they are chosen, agents answer each other at most "
            + AgentRuntime.MAX_AGENT_TURNS
            + " times in a row.");
    selection.addValueChangeListener(
        change -> moderator.setVisible(change.getValue() == SpeakerSelection.MODERATOR));

    moderator.setId("conversation-moderator");
    moderator.setItems(agents);
    moderator.setItemLabelGenerator(NewConversationDialog::nameAndRole);
    moderator.setHelperText("It picks the next speaker and says nothing itself.");
    moderator.setWidthFull();
    moderator.setVisible(false);

    title.setId("conversation-title");
    title.setPlaceholder("Conversation with their names");
    title.setWidthFull();
    VerticalLayout fields = new VerticalLayout(chosen, selection, moderator, title);
    fields.setPadding(false);
    add(fields);

    Button cancel = new Button("Cancel", click -> close());
    Button start =
        new Button(
            "Start",
            click -> {
              List<UUID> agentIds =
                  agents.stream().filter(chosen.getValue()::contains).map(AgentView::id).toList();
              boolean moderated = selection.getValue() == SpeakerSelection.MODERATOR;
              try {
                starter.start(
                    caller,
                    organizationId,
                    agentIds,
                    title.getValue(),
                    selection.getValue(),
                    moderated && !moderator.isEmpty() ? moderator.getValue().id() : null);
                close();
              } catch (Rejection rejection) {
                FieldErrors.show(
                    rejection,
                    Map.of("agentIds", chosen, "moderatorAgentId", moderator, "title", title),
                    Notices::error);
              }
            });
    start.setId("conversation-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, start);
  }

  private static String nameAndRole(AgentView agent) {
    return agent.name() + " · " + agent.role();
  }

  /** A way of choosing speakers: its name, and what it means below. */
  private static Div way(SpeakerSelection way) {
    Span about = new Span(SpeakerSelections.description(way));
    about.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    Div item = new Div(new Span(SpeakerSelections.label(way)), about);
    item.getStyle().set("display", "flex").set("flex-direction", "column");
    return item;
  }
}
