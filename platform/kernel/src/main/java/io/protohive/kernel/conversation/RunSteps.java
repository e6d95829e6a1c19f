package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.InTenant;
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

  /**
   * What an agent needs for its turn: the messages after those the summary covers, at most the
   * context window's newest.
   *
   * @param uncovered how many messages the summary does not cover yet
   */
  record Turn(
      UUID runId,
      RunKind kind,
      ConversationView conversation,
      AgentView agent,
      ConversationStore.Summary summary,
      int uncovered,
      List<MessageView> history,
      Map<UUID, String> agentNames) {

    UUID conversationId() {
      return conversation.id();
    }

    List<UUID> participants() {
      return conversation.agentIds();
    }
  }

  @Transactional
  @InTenant
  Turn turn(Caller caller, UUID runId) {
    RunView run = store.run(runId).orElseThrow();
    AgentView agent = agents.get(caller, run.agentId());
    Map<UUID, String> names =
        agents.list(caller, agent.organizationId()).stream()
            .collect(Collectors.toMap(AgentView::id, AgentView::name));
    UUID conversationId = run.conversationId();
    ConversationStore.Summary summary = store.summary(conversationId);
    int total = store.countMessages(conversationId);
    int window = AgentRuntime.CONTEXT_MESSAGES;
    return new Turn(
        runId,
        run.kind(),
        store.find(conversationId).orElseThrow(),
        agent,
        summary,
        total - summary.messages(),
        store.messagesFrom(conversationId, Math.max(summary.messages(), total - window), window),
        names);
  }

  /** The oldest messages the summary does not cover yet. */
  @Transactional
  @InTenant
  List<MessageView> unsummarized(Caller caller, Turn turn, int count) {
    return store.messagesFrom(turn.conversationId(), turn.summary().messages(), count);
  }

  @Transactional
  @InTenant
  void replaceSummary(Caller caller, Turn turn, ConversationStore.Summary next) {
    store.replaceSummary(turn.conversationId(), turn.summary(), next);
  }

  /** A run of an agent of the conversation, after another agent's. */
  @Transactional
  @InTenant
  UUID followUp(Caller caller, UUID conversationId, UUID agentId, RunKind kind) {
    return store.startRun(caller.tenantId(), conversationId, agentId, kind, caller.userId());
  }

  /** A moderation run is done: it leaves a trace and no message. */
  @Transactional
  @InTenant
  void moderated(Caller caller, UUID runId, String trace) {
    store.finishRun(runId, "COMPLETED", trace, null);
  }

  /**
   * The agent's answer ends the run.
   *
   * @param model the model that wrote it, as the provider named it
   */
  @Transactional
  @InTenant
  MessageView complete(
      Caller caller, UUID runId, Turn turn, String content, String model, String trace) {
    MessageView message =
        store.addMessage(
            caller.tenantId(),
            turn.conversationId(),
            "AGENT",
            turn.agent().id(),
            content,
            runId,
            model);
    store.finishRun(runId, "COMPLETED", trace, null);
    return message;
  }

  @Transactional
  @InTenant
  void fail(Caller caller, UUID runId, String trace, String error) {
    store.finishRun(runId, "FAILED", trace, error);
  }
}
