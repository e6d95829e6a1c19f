package io.protohive.ui.organization;

import static io.protohive.ui.organization.Agents.ADA;
import static io.protohive.ui.organization.Agents.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.conversation.ConversationStarter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentsSectionTest {

  private static final Caller PERSON = new Caller(UUID.randomUUID(), UUID.randomUUID());

  private final AgentsSection section =
      new AgentsSection(
          new AgentService() {
            @Override
            public List<AgentView> list(Caller caller, UUID organizationId) {
              return STARTUP;
            }
          },
          new ToolGroups(
              new PluginCatalog(), new ToolService(), new ToolApprovals(), new McpServers()),
          new LlmProviders(),
          new AgentMemory(),
          new KnowledgeBases(),
          new ConversationStarter(new ConversationService()));

  @Test
  void aMemberSeesTheChartWithoutWaysToChangeIt() {
    section.show(PERSON, organization(Role.MEMBER));

    assertThat(ComponentTree.byId(section, "agent-card-" + ADA.id()).isVisible()).isTrue();
    assertThat(ComponentTree.byId(section, "add-agent").isVisible()).isFalse();
    assertThat(ids()).noneMatch(id -> id.startsWith("edit-agent-") || id.startsWith("remove-"));
  }

  @Test
  void everyMemberMayStartAConversationWithAnyAgent() {
    section.show(PERSON, organization(Role.MEMBER));

    assertThat(ids())
        .contains("new-conversation")
        .containsAll(STARTUP.stream().map(agent -> "chat-" + agent.id()).toList());
    assertThat(ComponentTree.byId(section, "new-conversation").isVisible()).isTrue();
  }

  @Test
  void anAdminMayAddChangeAndRemoveAgents() {
    section.show(PERSON, organization(Role.ADMIN));

    assertThat(ComponentTree.byId(section, "add-agent").isVisible()).isTrue();
    assertThat(ids()).contains("edit-agent-" + ADA.id(), "remove-agent-" + ADA.id());
  }

  private List<String> ids() {
    return ComponentTree.descendants(section)
        .map(Component::getId)
        .flatMap(Optional::stream)
        .toList();
  }

  private static OrganizationView organization(Role role) {
    return new OrganizationView(Agents.ORGANIZATION, "Rocket", role, Instant.EPOCH, Instant.EPOCH);
  }
}
