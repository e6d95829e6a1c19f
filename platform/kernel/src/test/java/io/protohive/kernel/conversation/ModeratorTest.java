package io.protohive.kernel.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.agent.AgentLoops;
import io.protohive.kernel.agent.AgentStops;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.organization.AgentView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ModeratorTest {

  private static final UUID ADA = UUID.randomUUID();
  private static final UUID LINUS = UUID.randomUUID();

  /** A gateway whose model always gives the same reply, and that counts how often it is asked. */
  private static final class OneReply extends LlmGateway {
    final AiMessage reply;
    final List<ChatRequest> asked = new ArrayList<>();

    OneReply(AiMessage reply) {
      this.reply = reply;
    }

    @Override
    public ChatResponse stream(
        CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
      asked.add(request);
      return ChatResponse.builder().aiMessage(reply).build();
    }
  }

  @Test
  void theModeratorsAnswerInTheAgentLoopNamesTheNextSpeaker() {
    OneReply gateway = new OneReply(AiMessage.from("Linus"));
    JsonArrayBuilder trace = Json.createArrayBuilder();

    Optional<UUID> chosen = moderator(gateway).choose(scope(), turn(), trace);

    assertThat(chosen).contains(LINUS);
    assertThat(gateway.asked).hasSize(1);
    assertThat(gateway.asked.get(0).toolSpecifications()).isEmpty();
    assertThat(trace.build().getJsonObject(0).getString("reply")).isEqualTo("Linus");
  }

  @Test
  void aModeratorThatCallsAToolInsteadOfAnsweringChoosesNobodyInItsOneStep() {
    OneReply gateway =
        new OneReply(
            AiMessage.from(
                ToolExecutionRequest.builder().id("c-1").name("clock").arguments("{}").build()));

    Optional<UUID> chosen = moderator(gateway).choose(scope(), turn(), Json.createArrayBuilder());

    assertThat(chosen).isEmpty();
    assertThat(gateway.asked).as("one step, however many the moderator may take").hasSize(1);
  }

  private static Moderator moderator(LlmGateway gateway) {
    Moderator moderator = new Moderator();
    moderator.loop = AgentLoops.over(gateway);
    moderator.stops = new AgentStops();
    return moderator;
  }

  private static CallScope scope() {
    return new CallScope(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null);
  }

  private static RunSteps.Turn turn() {
    AgentView moderator =
        new AgentView(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Grace",
            "Moderator",
            "",
            null,
            null,
            null,
            null,
            8,
            List.of(),
            null,
            null,
            null);
    ConversationView conversation =
        new ConversationView(
            UUID.randomUUID(),
            moderator.organizationId(),
            "Launch",
            List.of(ADA, LINUS),
            SpeakerSelection.MODERATOR,
            moderator.id(),
            null);
    return new RunSteps.Turn(
        UUID.randomUUID(),
        RunKind.MODERATION,
        conversation,
        moderator,
        new ConversationStore.Summary(null, 0),
        0,
        List.of(),
        Map.of(ADA, "Ada", LINUS, "Linus"),
        List.of());
  }
}
