package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses the agents of a new conversation, and its title. The agents join in the organization's
 * order, and the first of them answers whoever addresses no one by name.
 */
final class NewConversationDialog extends Dialog {

  private final MultiSelectComboBox<AgentView> chosen = new MultiSelectComboBox<>("Agents");
  private final TextField title = new TextField("Title");

  NewConversationDialog(
      ConversationStarter starter, Caller caller, UUID organizationId, List<AgentView> agents) {
    setHeaderTitle("New conversation");
    setWidth("32em");
    chosen.setId("conversation-agents");
    chosen.setItems(agents);
    chosen.setItemLabelGenerator(agent -> agent.name() + " · " + agent.role());
    chosen.setWidthFull();
    title.setId("conversation-title");
    title.setPlaceholder("Conversation with their names");
    title.setWidthFull();
    VerticalLayout fields = new VerticalLayout(chosen, title);
    fields.setPadding(false);
    add(fields);

    Button cancel = new Button("Cancel", click -> close());
    Button start =
        new Button(
            "Start",
            click -> {
              List<UUID> agentIds =
                  agents.stream().filter(chosen.getValue()::contains).map(AgentView::id).toList();
              try {
                starter.start(caller, organizationId, agentIds, title.getValue());
                close();
              } catch (Rejection rejection) {
                FieldErrors.show(
                    rejection, Map.of("agentIds", chosen, "title", title), Notices::error);
              }
            });
    start.setId("conversation-start");
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, start);
  }
}
