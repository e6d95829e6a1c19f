package io.protohive.kernel.conversation;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.organization.AgentView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Optional;
import java.util.UUID;

/**
 * A moderator agent's judgement of who speaks next: it reads the recent conversation and names one
 * of the agents, or nobody, when the person should answer.
 */
@ApplicationScoped
class Moderator {

  /** The recent messages the moderator reads. */
  static final int READS = 12;

  @Inject LlmGateway gateway;

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
    String reply =
        gateway
            .chat(
                scope,
                ChatRequest.builder()
                    .messages(
                        SystemMessage.from(system.toString()),
                        UserMessage.from(transcript.toString()))
                    .build())
            .aiMessage()
            .text();
    Optional<UUID> chosen = NextSpeaker.named(reply, turn.participants(), turn.agentNames());
    trace.add(
        Json.createObjectBuilder()
            .add("kind", "moderation")
            .add("reply", String.valueOf(reply))
            .add("chosen", chosen.map(UUID::toString).orElse("nobody")));
    return chosen;
  }
}
