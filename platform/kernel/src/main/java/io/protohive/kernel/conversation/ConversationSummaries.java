package io.protohive.kernel.conversation;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rolling summary of a conversation that outgrew the context window: when more messages than
 * the window holds are not yet summarized, the oldest of them, {@link #BATCH} past the window, are
 * folded into the summary by the answering agent's model. So the agent always reads the summary and
 * then every later message, and a model call for the summary comes once every {@link #BATCH}
 * messages, not on every turn. A failed summary call leaves the old summary; the turn goes on.
 *
 * <p>The summary is housekeeping of the conversation, not an agent thinking: it speaks for no
 * agent, calls no tool and leaves no message, so it asks the {@link LlmGateway} (metered and
 * budgeted as every model call) directly, not through the agent loop, whose steps, tools and
 * answers it has none of.
 */
@ApplicationScoped
class ConversationSummaries {

  private static final Logger LOG = Logger.getLogger(ConversationSummaries.class.getName());

  static final int BATCH = 10;

  static final int MAX_SUMMARY_WORDS = 200;

  @Inject RunSteps steps;
  @Inject LlmGateway gateway;

  /** The turn, with its summary brought up to date if the window overflowed. */
  RunSteps.Turn refresh(
      Caller caller, CallScope scope, RunSteps.Turn turn, JsonArrayBuilder trace) {
    int overflow = turn.uncovered() - AgentRuntime.CONTEXT_MESSAGES;
    if (overflow <= 0) {
      return turn;
    }
    List<MessageView> older = steps.unsummarized(caller, turn, overflow + BATCH);
    StringBuilder prompt = new StringBuilder();
    if (turn.summary().text() != null) {
      prompt.append("Summary so far:\n").append(turn.summary().text()).append("\n\n");
    }
    prompt.append("Messages that follow it:\n");
    for (MessageView message : older) {
      String author =
          "AGENT".equals(message.authorKind())
              ? turn.agentNames().getOrDefault(message.authorId(), "An agent")
              : "A person";
      prompt.append(author).append(": ").append(message.content()).append('\n');
    }
    prompt
        .append("\nWrite the updated summary in at most ")
        .append(MAX_SUMMARY_WORDS)
        .append(" words: decisions, facts, open questions and who said what.");
    try {
      String summary =
          gateway
              .chat(
                  scope,
                  ChatRequest.builder()
                      .messages(
                          SystemMessage.from(
                              "You keep the running summary of a conversation, faithfully and"
                                  + " briefly."),
                          UserMessage.from(prompt.toString()))
                      .build())
              .aiMessage()
              .text();
      steps.replaceSummary(
          caller,
          turn,
          new ConversationStore.Summary(summary, turn.summary().messages() + older.size()));
      trace.add(
          Json.createObjectBuilder()
              .add("kind", "summary")
              .add("messages", older.size())
              .add("text", String.valueOf(summary)));
      return steps.turn(caller, turn.runId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The summary of " + turn.conversationId() + " failed", e);
      trace.add(
          Json.createObjectBuilder()
              .add("kind", "summary.failed")
              .add("message", String.valueOf(e.getMessage())));
      return turn;
    }
  }
}
