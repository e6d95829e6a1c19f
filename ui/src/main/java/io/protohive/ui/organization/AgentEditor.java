package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.knowledge.KnowledgeBaseView;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creates an agent or changes one; a refusal shows on the field it is about. */
final class AgentEditor extends Dialog {

  private final AgentService agents;
  private final KnowledgeBases knowledgeBases;
  private final MultiSelectComboBox<KnowledgeBaseView> bases =
      new MultiSelectComboBox<>("Knowledge bases");
  private final Caller caller;
  private final UUID organizationId;
  private final AgentView agent;
  private final AgentForm form;
  private final Runnable saved;

  /**
   * @param agent the agent to change, or {@code null} for a new one
   * @param saved what to do once the platform took the agent
   */
  AgentEditor(
      AgentService agents,
      KnowledgeBases knowledgeBases,
      Caller caller,
      UUID organizationId,
      AgentOptions options,
      AgentView agent,
      Runnable saved) {
    this.agents = agents;
    this.knowledgeBases = knowledgeBases;
    this.caller = caller;
    this.organizationId = organizationId;
    this.agent = agent;
    this.form = new AgentForm(options, agent);
    this.saved = saved;

    setHeaderTitle(agent == null ? "New agent" : "Edit " + agent.name());
    setWidth("44em");
    bases.setId("agent-knowledge-bases");
    bases.setWidthFull();
    bases.setItems(options.knowledgeBases());
    bases.setItemLabelGenerator(KnowledgeBaseView::name);
    bases.setPlaceholder("Every file it may read");
    bases.setHelperText("The agent searches only these; with none, every file it may read.");
    bases.setValue(
        options.knowledgeBases().stream()
            .filter(b -> options.searched().stream().anyMatch(s -> s.id().equals(b.id())))
            .collect(Collectors.toSet()));
    add(form, bases);
    Button cancel = new Button("Cancel", click -> close());
    Button save = new Button("Save", click -> save());
    save.setId("agent-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, save);
  }

  private void save() {
    try {
      AgentView result =
          agent == null
              ? agents.create(caller, organizationId, form.draft())
              : agents.update(caller, agent.id(), form.draft());
      knowledgeBases.assign(
          caller, result.id(), bases.getValue().stream().map(KnowledgeBaseView::id).toList());
      Notices.success("Saved " + result.name() + ".");
      close();
      saved.run();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, form.errorPlaces(), Notices::error);
    }
  }
}
