package io.protohive.ui.organization;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.conversation.ConversationStarter;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.llm.ModelChoice;
import java.util.List;

/**
 * An organization's agents as its org chart. Every member may start a conversation with them here
 * and search what they remember; those who may edit the organization also add, change and remove
 * agents, while the others see no such buttons, as the platform would refuse them anyway.
 */
final class AgentsSection extends VerticalLayout {

  private final AgentService agents;
  private final ToolGroups tools;
  private final LlmProviders providers;
  private final AgentMemory memory;
  private final KnowledgeBases knowledgeBases;
  private final OrgChart chart = new OrgChart();
  private final Button add = new Button("Add agent", VaadinIcon.PLUS.create());
  private final Button converse = new Button("New conversation", VaadinIcon.COMMENTS.create());
  private final ConversationStarter conversations;
  private Caller caller;
  private OrganizationView organization;
  private ReportingLines lines;

  AgentsSection(
      AgentService agents,
      ToolGroups tools,
      LlmProviders providers,
      AgentMemory memory,
      KnowledgeBases knowledgeBases,
      ConversationStarter conversations) {
    this.knowledgeBases = knowledgeBases;
    this.agents = agents;
    this.tools = tools;
    this.providers = providers;
    this.memory = memory;
    this.conversations = conversations;
    add.setId("add-agent");
    add.addClickListener(click -> edit(null));
    converse.setId("new-conversation");
    converse.addClickListener(
        click -> conversations.choose(caller, organization.id(), lines.all()));
    HorizontalLayout heading = new HorizontalLayout(new H3("Agents"), add, converse);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    setPadding(false);
    add(heading, chart);
  }

  /** Shows the organization's agents as they are now, to the caller. */
  void show(Caller caller, OrganizationView organization) {
    this.caller = caller;
    this.organization = organization;
    refresh();
  }

  private void refresh() {
    boolean editor = Permission.EDIT.grantedTo(organization.role());
    lines = new ReportingLines(agents.list(caller, organization.id()));
    add.setVisible(editor);
    converse.setVisible(!lines.isEmpty());
    chart.show(
        lines,
        agent -> {
          AgentCard card = new AgentCard(agent, lines.managerOf(agent));
          card.addChat(() -> conversations.chatWith(caller, agent));
          card.addMemory(() -> new MemorySearchDialog(memory, caller, agent).open());
          if (editor) {
            card.addActions(() -> edit(agent), () -> confirmRemoval(agent));
          }
          return card;
        });
  }

  /**
   * @param agent the agent to change, or {@code null} for a new one
   */
  private void edit(AgentView agent) {
    AgentOptions options =
        new AgentOptions(
            lines,
            tools.offeredTo(caller),
            ModelChoice.byId(providers.available(caller)),
            knowledgeBases.list(caller, organization.id()),
            agent == null ? List.of() : knowledgeBases.ofAgent(caller, agent.id()));
    new AgentEditor(
            agents, knowledgeBases, caller, organization.id(), options, agent, this::refresh)
        .open();
  }

  private void confirmRemoval(AgentView agent) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Remove " + agent.name() + "?",
            agent.name()
                + " leaves the org chart for good; the agents reporting to "
                + agent.name()
                + " then report to no one.",
            "Remove",
            confirmed -> {
              try {
                agents.delete(caller, agent.id());
                Notices.success("Removed " + agent.name() + ".");
              } catch (Rejection rejection) {
                Notices.error(rejection.getMessage());
              }
              refresh();
            });
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }
}
