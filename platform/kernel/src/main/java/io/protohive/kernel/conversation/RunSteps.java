package io.protohive.kernel.conversation;

import dev.langchain4j.data.message.ChatMessage;
import io.protohive.kernel.agent.WorkLog;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.InTenant;
import io.protohive.kernel.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  @Inject ConversationTurns turns;
  @Inject WebhookEvents webhooks;

  /**
   * The run that takes the word after this one, queued with this one's end.
   *
   * @param answered how many agents answered since the person spoke
   */
  record Next(UUID agentId, RunKind kind, int answered) {}

  /**
   * What an agent needs for its turn: the messages after those the summary covers, at most the
   * context window's newest.
   *
   * @param uncovered how many messages the summary does not cover yet
   * @param finished the steps an earlier attempt at the run finished, on a node that then died
   */
  record Turn(
      UUID runId,
      RunKind kind,
      ConversationView conversation,
      AgentView agent,
      ConversationStore.Summary summary,
      int uncovered,
      List<MessageView> history,
      Map<UUID, String> agentNames,
      List<ChatMessage> finished) {

    UUID conversationId() {
      return conversation.id();
    }

    List<UUID> participants() {
      return conversation.agentIds();
    }
  }

  /** A message of the caller's tenant, as people read it. */
  @Transactional
  @InTenant
  Optional<MessageView> message(Caller caller, UUID messageId) {
    return store.message(messageId);
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
        names,
        WorkLog.steps(store.workLog(runId)));
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
    store.replaceSummary(caller.tenantId(), turn.conversationId(), turn.summary(), next);
  }

  /** The run's turn, or none once the run ended: a node that lost its job ended it late. */
  @Transactional
  @InTenant
  Optional<Turn> pending(Caller caller, UUID runId) {
    return store
        .run(runId)
        .filter(run -> "RUNNING".equals(run.status()))
        .map(run -> turn(caller, runId));
  }

  /**
   * Stores finished steps in the run's work log, each as it finishes: the model's tool calls before
   * they run, a tool's result as soon as it returned.
   */
  @Transactional
  @InTenant
  void record(Caller caller, UUID runId, List<ChatMessage> steps) {
    store.appendWork(runId, WorkLog.json(steps));
  }

  /** Whether a person asked the run to stop, on this node or another. */
  @Transactional
  @InTenant
  boolean stopRequested(Caller caller, UUID runId) {
    return store.stopRequested(runId);
  }

  /** A moderation run is done: it leaves a trace and no message, and the chosen speaker's run. */
  @Transactional
  @InTenant
  void moderated(Caller caller, Turn turn, String trace, Optional<Next> next) {
    if (store.finishRun(turn.runId(), "COMPLETED", trace, null)) {
      next.ifPresent(speaker -> handOver(caller, turn, speaker));
    }
  }

  /**
   * The agent's answer ends the run, with the files its tools kept attached, and the next speaker's
   * run is queued with it; none when the run had ended already, so a run taken over by another node
   * leaves one message.
   *
   * @param model the model that wrote it, as the provider named it
   */
  @Transactional
  @InTenant
  Optional<MessageView> complete(
      Caller caller, Turn turn, String content, String model, String trace, Optional<Next> next) {
    if (!store.finishRun(turn.runId(), "COMPLETED", trace, null)) {
      return Optional.empty();
    }
    MessageView message =
        store.addMessage(
            caller.tenantId(),
            turn.conversationId(),
            "AGENT",
            turn.agent().id(),
            content,
            turn.runId(),
            model);
    List<AttachedFile> kept = store.keptBy(turn.agent().organizationId(), turn.runId());
    store.attach(caller.tenantId(), message, kept);
    next.ifPresent(speaker -> handOver(caller, turn, speaker));
    webhooks.emit(
        caller.tenantId(),
        turn.agent().organizationId(),
        WebhookEvents.MESSAGE_COMPLETED,
        Json.createObjectBuilder()
            .add("messageId", message.id().toString())
            .add("conversationId", turn.conversationId().toString())
            .add("runId", turn.runId().toString())
            .add("agentId", turn.agent().id().toString())
            .add("content", content)
            .build());
    return Optional.of(message.withFiles(kept));
  }

  /** Whether the run failed now; false when it had ended already. */
  @Transactional
  @InTenant
  boolean fail(Caller caller, UUID runId, String trace, String error) {
    return store.finishRun(runId, "FAILED", trace, error);
  }

  @InTenant
  private void handOver(Caller caller, Turn turn, Next next) {
    UUID runId =
        store.startRun(
            caller.tenantId(), turn.conversationId(), next.agentId(), next.kind(), caller.userId());
    turns.enqueue(caller, runId, next.answered(), null);
  }
}
