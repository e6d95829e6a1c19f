package io.protohive.ui.conversation;

import com.vaadin.flow.component.UI;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.conversation.ConversationView;
import io.protohive.kernel.conversation.SpeakerSelection;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.UUID;

/**
 * Starts a conversation with agents of an organization and opens it in the chat: with one agent
 * from its card, or with several chosen in a dialog.
 */
public final class ConversationStarter {

  private final ConversationService conversations;

  public ConversationStarter(ConversationService conversations) {
    this.conversations = conversations;
  }

  /** A conversation with one agent; a refusal is told in a notice. */
  public void chatWith(Caller caller, AgentView agent) {
    try {
      start(caller, agent.organizationId(), List.of(agent.id()), null, null, null);
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  /** Lets the person choose the agents, how they take turns, and a title first. */
  public void choose(Caller caller, UUID organizationId, List<AgentView> agents) {
    new NewConversationDialog(this, caller, organizationId, agents).open();
  }

  /**
   * @param title {@code null} or blank for one made of the agents' names
   * @param selection {@code null} for @mentions
   * @param moderatorAgentId the moderating agent, with {@link SpeakerSelection#MODERATOR} only
   * @throws Rejection when the platform refuses the conversation
   */
  void start(
      Caller caller,
      UUID organizationId,
      List<UUID> agentIds,
      String title,
      SpeakerSelection selection,
      UUID moderatorAgentId) {
    ConversationView conversation =
        conversations.create(caller, organizationId, agentIds, title, selection, moderatorAgentId);
    UI.getCurrent().navigate(ChatView.class, ChatView.parameters(conversation.id()));
  }
}
