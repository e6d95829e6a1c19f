package io.protohive.kernel.conversation;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.agent.AgentLoop;
import io.protohive.kernel.agent.AgentStops;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.organization.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A moderator agent's judgement of who speaks next: it reads the recent conversation and names one
 * of the agents, or nobody, when the person should answer. The moderator thinks in the {@link
 * AgentLoop} like every agent, metered, budgeted and stoppable alike, in one step without tools:
 * its answer is its choice, and a tool call, which it was offered none for, chooses nobody.
 */
@ApplicationScoped
class Moderator {

  /** The recent messages the moderator reads. */
  static final int READS = 12;

  @Inject AgentLoop loop;
  @Inject AgentStops stops;

  Optional<UUID> choose(CallScope scope, RunSteps.Turn turn, JsonArrayBuilder trace) {
    AgentView moderator = turn.agent();
    StringBuilder system =
        new StringBuilder("You are ")
            .append(moderator.name())
            .append(", moderating a conversation between a person and these agents:");
    for (UUID id : turn.participants()) {
      system.append("\n- ").append(turn.agentNames().getOrDefault(id, "an agent"));
    }
    system.append(
        "\nDecide who should speak next. Reply with that agent's name only, or NOBODY when the"
            + " person should speak next.");
    StringBuilder transcript = new StringBuilder("The conversation so far:\n");
    var history = turn.history();
    for (MessageView message :
        history.subList(Math.max(0, history.size() - READS), history.size())) {
      String author =
          "AGENT".equals(message.authorKind())
              ? turn.agentNames().getOrDefault(message.authorId(), "An agent")
              : "The person";
      transcript.append(author).append(": ").append(message.content()).append('\n');
    }
    transcript.append("\nWho speaks next?");
    List<ChatMessage> messages =
        new ArrayList<>(
            List.of(
                SystemMessage.from(system.toString()), UserMessage.from(transcript.toString())));
    Judgement judgement = new Judgement(turn.runId());
    loop.run(scope, moderator, messages, List.of(), judgement);
    String reply = judgement.reply;
    Optional<UUID> chosen = NextSpeaker.named(reply, turn.participants(), turn.agentNames());
    trace.add(
        Json.createObjectBuilder()
            .add("kind", "moderation")
            .add("reply", String.valueOf(reply))
            .add("chosen", chosen.map(UUID::toString).orElse("nobody")));
    return chosen;
  }

  /** The moderator's one step: its reply, if it answered. */
  private final class Judgement implements AgentLoop.Hooks {

    private final UUID runId;
    private String reply;

    private Judgement(UUID runId) {
      this.runId = runId;
    }

    @Override
    public boolean stopped() {
      return stops.stopped(runId);
    }

    @Override
    public void answered(ChatResponse response) {
      reply = response.aiMessage().text();
    }

    @Override
    public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
      return Optional.empty();
    }

    @Override
    public void exhausted(int steps) {
      // the one step ends in an answer or a call; a moderator allowed no step chooses nobody
    }
  }
}
