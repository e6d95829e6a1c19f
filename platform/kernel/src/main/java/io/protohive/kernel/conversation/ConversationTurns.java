package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.Job;
import io.protohive.kernel.job.JobHandler;
import io.protohive.kernel.job.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * An agent's turn in a conversation, run as a durable job: queued in the transaction that starts
 * the run, claimed by a worker of any node, and taken over by another node's worker when the node
 * that ran it died, which then runs the turn again unless it had ended.
 */
@ApplicationScoped
public class ConversationTurns implements JobHandler {

  public static final String KIND = "conversation.turn";

  @Inject Jobs jobs;
  @Inject AgentRuntime runtime;
  @Inject ConversationEvents events;
  @Inject RunSteps steps;

  @Override
  public String kind() {
    return KIND;
  }

  /**
   * Queues the run's turn in the current transaction.
   *
   * @param answered how many agents answered since the person spoke
   * @param posted the person's message that the turn answers, announced when the turn first starts,
   *     before its own events; {@code null} for a turn after another agent's
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void enqueue(Caller caller, UUID runId, int answered, ConversationService.Posted posted) {
    JsonObjectBuilder payload =
        Json.createObjectBuilder()
            .add("runId", runId.toString())
            .add("userId", caller.userId().toString())
            .add("answered", answered);
    if (posted != null) {
      // the message's id only: its words stay sealed in its row, not in the queue's
      payload.add(
          "message",
          Json.createObjectBuilder()
              .add("id", posted.message().id().toString())
              .add("agentId", posted.agentId().toString()));
    }
    jobs.enqueue(caller.tenantId(), KIND, payload.build().toString(), Instant.now());
  }

  @Override
  public void run(Job job) throws Exception {
    try {
      start(job).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw AgentRuntime.unwrapped(e) instanceof Exception cause ? cause : e;
    }
  }

  /** Starts the turn; its model streams without a worker's thread, which goes back at once. */
  @Override
  public CompletionStage<Void> start(Job job) {
    JsonObject payload = payload(job);
    UUID runId = UUID.fromString(payload.getString("runId"));
    Caller caller = caller(job, payload);
    JsonObject message = payload.getJsonObject("message");
    // a takeover does not announce again what subscribers were told on the first attempt
    if (message != null && job.attempts() == 1) {
      steps
          .message(caller, UUID.fromString(message.getString("id")))
          .ifPresent(
              announced ->
                  events.publish(
                      caller.tenantId(),
                      announced.conversationId(),
                      runId,
                      "message.created",
                      Json.createObjectBuilder()
                          .add("messageId", announced.id().toString())
                          .add("authorKind", announced.authorKind())
                          .add("authorId", announced.authorId().toString())
                          .add("content", announced.content())
                          .add("files", AttachedFile.json(announced.files()))
                          .add("agentId", message.getString("agentId"))
                          .build()));
    }
    return runtime.execute(caller, runId, payload.getInt("answered"));
  }

  /** A turn whose every attempt failed ends its run as failed, for the people waiting on it. */
  @Override
  public void buried(Job job, String reason) {
    JsonObject payload = payload(job);
    runtime.abandon(
        caller(job, payload),
        UUID.fromString(payload.getString("runId")),
        "The turn failed on every attempt: " + reason);
  }

  private static JsonObject payload(Job job) {
    return Json.createReader(new StringReader(job.payload())).readObject();
  }

  private static Caller caller(Job job, JsonObject payload) {
    return new Caller(UUID.fromString(payload.getString("userId")), job.tenantId());
  }
}
