package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.UUID;

/** Creates an agent or changes one; a refusal shows on the field it is about. */
final class AgentEditor extends Dialog {

  private final AgentService agents;
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
      Caller caller,
      UUID organizationId,
      AgentOptions options,
      AgentView agent,
      Runnable saved) {
    this.agents = agents;
    this.caller = caller;
    this.organizationId = organizationId;
    this.agent = agent;
    this.form = new AgentForm(options, agent);
    this.saved = saved;

    setHeaderTitle(agent == null ? "New agent" : "Edit " + agent.name());
    setWidth("44em");
    add(form);
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
      Notices.success("Saved " + result.name() + ".");
      close();
      saved.run();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, form.errorPlaces(), Notices::error);
    }
  }
}
