package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A person asks one agent and waits for its answer, for the doors whose clients expect the answer
 * in the reply (an MCP tool call): the question is said in a conversation as any message is ({@link
 * ConversationService#say}), the agent's turn runs as every turn does, and its answer is awaited on
 * the conversation's events.
 */
@ApplicationScoped
public class AgentQuestions {

  private static final String COMPLETED = "message.completed";
  private static final String FAILED = "run.failed";

  @Inject AgentService agents;
  @Inject ConversationService conversations;
  @Inject ConversationEvents events;

  /**
   * What came of a question.
   *
   * @param status {@code COMPLETED} with the agent's answer, {@code FAILED} with the run's error,
   *     or {@code RUNNING} when the agent had not answered within the wait
   * @param text the answer, the error, or {@code null} while running
   */
  public record Answer(
      UUID conversationId,
      UUID runId,
      UUID agentId,
      String agentName,
      String status,
      String text) {}

  /**
   * Asks the agent in the given conversation, or in a new one of its organization with it alone.
   *
   * @param conversationId {@code null} for a new conversation
   * @throws Rejection when the caller may not see the agent or the conversation, or the agent is
   *     not part of the conversation
   */
  public Answer ask(
      Caller caller, UUID agentId, UUID conversationId, String question, Duration wait)
      throws InterruptedException {
    ConversationService.requireContent(question);
    AgentView agent = agents.get(caller, agentId);
    UUID conversation =
        conversationId != null
            ? conversations.get(caller, conversationId).id()
            : conversations
                .create(caller, agent.organizationId(), List.of(agentId), null, null, null)
                .id();
    ConversationService.Posted posted =
        conversations.say(caller, conversation, question, agentId, List.of());
    CompletableFuture<Answer> answered = new CompletableFuture<>();
    // the run's end is stored before it is delivered, so an end that came first is replayed
    AutoCloseable subscription =
        events.subscribe(
            caller,
            conversation,
            0,
            event -> {
              if (posted.runId().equals(event.runId())
                  && (COMPLETED.equals(event.type()) || FAILED.equals(event.type()))) {
                boolean completed = COMPLETED.equals(event.type());
                JsonObject payload =
                    Json.createReader(new StringReader(event.payload())).readObject();
                answered.complete(
                    new Answer(
                        conversation,
                        posted.runId(),
                        agentId,
                        agent.name(),
                        completed ? "COMPLETED" : "FAILED",
                        payload.getString(completed ? "content" : "error", "")));
              }
            });
    try {
      return answered.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Answer(conversation, posted.runId(), agentId, agent.name(), "RUNNING", null);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The answer could not be read", e.getCause());
    } finally {
      close(subscription);
    }
  }

  private static void close(AutoCloseable subscription) {
    try {
      subscription.close();
    } catch (Exception e) {
      throw new IllegalStateException("The subscription did not close", e);
    }
  }
}
