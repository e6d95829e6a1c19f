package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.DatabaseScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The database work of an agent run, each piece in a short transaction of its own, so that no
 * transaction stays open while the model thinks or a tool runs.
 */
@ApplicationScoped
public class RunSteps {

  @Inject ConversationStore store;
  @Inject AgentService agents;
  @Inject DatabaseScope scope;

  /** What an agent needs for its turn. */
  record Turn(
      UUID runId,
      UUID conversationId,
      AgentView agent,
      List<MessageView> history,
      Map<UUID, String> agentNames,
      List<UUID> participants) {}

  @Transactional
  Turn turn(Caller caller, UUID runId) {
    scope.tenant(caller.tenantId());
    RunView run = store.run(runId).orElseThrow();
    AgentView agent = agents.get(caller, run.agentId());
    Map<UUID, String> names =
        agents.list(caller, agent.organizationId()).stream()
            .collect(Collectors.toMap(AgentView::id, AgentView::name));
    return new Turn(
        runId,
        run.conversationId(),
        agent,
        store.recent(run.conversationId(), AgentRuntime.CONTEXT_MESSAGES),
        names,
        store.find(run.conversationId()).orElseThrow().agentIds());
  }

  /** A run of another agent of the conversation, answering the agent that just spoke. */
  @Transactional
  UUID followUp(Caller caller, UUID conversationId, UUID agentId) {
    scope.tenant(caller.tenantId());
    return store.startRun(caller.tenantId(), conversationId, agentId, caller.userId());
  }

  @Transactional
  MessageView complete(Caller caller, UUID runId, Turn turn, String content, String trace) {
    scope.tenant(caller.tenantId());
    MessageView message =
        store.addMessage(
            caller.tenantId(), turn.conversationId(), "AGENT", turn.agent().id(), content, runId);
    store.finishRun(runId, "COMPLETED", trace, null);
    return message;
  }

  @Transactional
  void fail(Caller caller, UUID runId, String trace, String error) {
    scope.tenant(caller.tenantId());
    store.finishRun(runId, "FAILED", trace, error);
  }
}
