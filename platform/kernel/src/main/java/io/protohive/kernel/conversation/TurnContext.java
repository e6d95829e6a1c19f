package io.protohive.kernel.conversation;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.protohive.kernel.agent.ToolOutput;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.memory.MemoryHit;
import io.protohive.kernel.organization.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an agent reads before it answers: its persona, the rule that tool results are data, the
 * summary of the conversation's older messages, what it remembers of earlier conversations that
 * bears on the person's latest words, and the recent messages, other agents' words marked with
 * their names.
 *
 * <p>Memory is best effort: a turn whose memory cannot be searched or written goes on without it,
 * and its trace says so.
 */
@ApplicationScoped
class TurnContext {

  private static final Logger LOG = Logger.getLogger(TurnContext.class.getName());

  /** How many memories, and how close, go into a turn's context. */
  static final int RECALLED = 3;

  static final double RECALL_THRESHOLD = 0.3;

  @Inject AgentMemory memory;

  /**
   * The messages for the model; the person's latest words go into the agent's memory on the first
   * agent turn after them.
   */
  List<ChatMessage> build(
      CallScope scope, RunSteps.Turn turn, int agentTurn, JsonArrayBuilder trace) {
    AgentView agent = turn.agent();
    StringBuilder system =
        new StringBuilder(agent.introduction()).append("\n\n").append(ToolOutput.RULE);
    if (turn.summary().text() != null) {
      system.append("\n\nSummary of the conversation's earlier messages:\n");
      system.append(turn.summary().text());
    }
    List<String> recalled = recall(scope, turn, agentTurn, trace);
    system.append(RecalledMemories.section(recalled));
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(system.toString()));
    for (MessageView message : turn.history()) {
      if ("AGENT".equals(message.authorKind()) && agent.id().equals(message.authorId())) {
        messages.add(AiMessage.from(message.content()));
      } else if ("AGENT".equals(message.authorKind())) {
        String name = turn.agentNames().getOrDefault(message.authorId(), "Another agent");
        messages.add(UserMessage.from("[" + name + "] " + message.content()));
      } else {
        messages.add(UserMessage.from(said(message)));
      }
    }
    JsonArrayBuilder memories = Json.createArrayBuilder();
    recalled.forEach(memories::add);
    trace.add(
        Json.createObjectBuilder()
            .add("kind", "context")
            .add("system", system.toString())
            .add("messages", turn.history().size())
            .add("summarizedMessages", turn.summary().messages())
            .add("recalled", memories));
    return messages;
  }

  /**
   * A person's words as the model reads them: with the files they attached, which the model finds
   * with knowledge_search or reads whole with files_read.
   */
  static String said(MessageView message) {
    if (message.files().isEmpty()) {
      return message.content();
    }
    StringBuilder said = new StringBuilder(message.content()).append("\n\n[Attached files:");
    for (AttachedFile file : message.files()) {
      said.append("\n- ").append(file.name()).append(" (file id ").append(file.id());
      said.append("READY".equals(file.status()) ? ")" : ", not readable yet)");
    }
    return said.append("]").toString();
  }

  /** Keeps an agent's answer in its memory; a failure costs the memory, not the answer. */
  void remember(CallScope scope, MessageView answer) {
    try {
      memory.remember(scope, answer.id(), answer.content());
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Agent " + scope.agentId() + " could not remember its answer", e);
    }
  }

  private List<String> recall(
      CallScope scope, RunSteps.Turn turn, int agentTurn, JsonArrayBuilder trace) {
    MessageView said = null;
    for (MessageView message : turn.history()) {
      if ("USER".equals(message.authorKind())) {
        said = message;
      }
    }
    if (said == null) {
      return List.of();
    }
    try {
      List<String> recalled = new ArrayList<>();
      for (MemoryHit hit : memory.recall(scope, said.content(), RECALLED)) {
        if (hit.score() >= RECALL_THRESHOLD && !hit.content().equals(said.content())) {
          recalled.add(hit.content());
        }
      }
      if (agentTurn == 1) {
        memory.remember(scope, said.id(), said.content());
      }
      return recalled;
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Agent " + scope.agentId() + " answers without its memory", e);
      trace.add(
          Json.createObjectBuilder()
              .add("kind", "memory.unavailable")
              .add("message", String.valueOf(e.getMessage())));
      return List.of();
    }
  }
}
