package io.protohive.kernel.conversation;

import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.platform.InTenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A person's message to one agent, followed until the agent's turn ends, for a caller that waits
 * for the answer (a program through the OpenAI-compatible API or MCP) rather than watching the
 * socket. The message is posted as {@link ConversationService#say} posts any; the turn runs as
 * every turn does ({@link ConversationTurns}), and its events are the ones the socket sends.
 */
@ApplicationScoped
public class AgentAnswers {

  /** The events that end a run. */
  private static final Set<String> ENDS = Set.of("message.completed", "run.failed");

  @Inject ConversationService conversations;
  @Inject ConversationEvents events;
  @Resource TransactionSynchronizationRegistry transactions;

  /** A message on its way: its conversation, the run that answers it, and that run's events. */
  public static final class Asked implements AutoCloseable {
    private final UUID conversationId;
    private final UUID runId;
    private final BlockingQueue<ConversationEvent> received = new LinkedBlockingQueue<>();
    private volatile AutoCloseable following;

    private Asked(UUID conversationId, UUID runId) {
      this.conversationId = conversationId;
      this.runId = runId;
    }

    public UUID conversationId() {
      return conversationId;
    }

    public UUID runId() {
      return runId;
    }

    /**
     * The run's next event, waiting for it at most {@code within}; its last is {@code
     * message.completed} or {@code run.failed}.
     */
    public Optional<ConversationEvent> next(Duration within) throws InterruptedException {
      return Optional.ofNullable(received.poll(within.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * The run's last event, {@code message.completed} or {@code run.failed}, waiting at most {@code
     * within} in all; empty when the run has not ended by then.
     */
    public Optional<ConversationEvent> end(Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        Optional<ConversationEvent> event =
            left <= 0 ? Optional.empty() : next(Duration.ofNanos(left));
        if (event.isEmpty() || ENDS.contains(event.get().type())) {
          return event;
        }
      }
    }

    @Override
    public void close() {
      try {
        if (following != null) {
          following.close();
        }
      } catch (Exception e) {
        // closing a subscription only takes it out of a set
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Posts the person's words to the agent, in the conversation named or a new one with the agent
   * alone, and follows the run that answers. The subscription starts before the message's
   * transaction commits, and so before the run's job may start: it misses none of the run's events.
   * It ends with the transaction when that does not commit.
   *
   * @param conversationId a conversation the caller may see that the agent takes part in, or {@code
   *     null} for a new one
   */
  @Transactional
  @InTenant
  public Asked ask(Caller caller, AgentView agent, UUID conversationId, String content) {
    UUID conversation =
        conversationId != null
            ? conversationId
            : conversations
                .create(caller, agent.organizationId(), List.of(agent.id()), null, null, null)
                .id();
    ConversationService.Posted posted =
        conversations.say(caller, conversation, content, agent.id(), null);
    Asked asked = new Asked(conversation, posted.runId());
    asked.following =
        events.follow(
            caller,
            conversation,
            event -> {
              if (asked.runId.equals(event.runId())) {
                asked.received.add(event);
              }
            });
    AfterCommit.unlessCommitted(transactions, asked::close);
    return asked;
  }
}
