package io.protohive.kernel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.kernel.llm.CallScope;
import io.protohive.kernel.llm.LlmGateway;
import io.protohive.kernel.organization.AgentView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AgentLoopTest {

  private static final CallScope SCOPE =
      new CallScope(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null);

  /** A gateway that gives the scripted answers in order and remembers what it was asked. */
  private static final class ScriptedGateway extends LlmGateway {
    final Deque<AiMessage> answers;
    final List<ChatRequest> asked = new ArrayList<>();
    final List<List<ChatMessage>> prompts = new ArrayList<>();

    ScriptedGateway(AiMessage... answers) {
      this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public ChatResponse stream(
        CallScope scope, ChatRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
      asked.add(request);
      // the loop goes on adding to the list the request holds
      prompts.add(List.copyOf(request.messages()));
      AiMessage answer = answers.removeFirst();
      if (answer.text() != null) {
        tokens.accept(answer.text());
      }
      return ChatResponse.builder().aiMessage(answer).build();
    }
  }

  /** Hooks that record what the loop told them; every tool answers "done". */
  private static class Recorded implements AgentLoop.Hooks {
    final List<String> seen = new ArrayList<>();
    boolean stop;

    @Override
    public boolean stopped() {
      return stop;
    }

    @Override
    public void streamed(String text) {
      seen.add("streamed " + text);
    }

    @Override
    public void answered(ChatResponse response) {
      seen.add("answered " + response.aiMessage().text());
    }

    @Override
    public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
      seen.add("called " + calls.toolExecutionRequests().get(0).name());
      return Optional.of(
          calls.toolExecutionRequests().stream()
              .map(call -> ToolExecutionResultMessage.from(call, "done"))
              .toList());
    }

    @Override
    public void exhausted(int limit) {
      seen.add("exhausted " + limit);
    }
  }

  private static AiMessage call(String tool) {
    return AiMessage.from(
        ToolExecutionRequest.builder().id(tool + "-1").name(tool).arguments("{}").build());
  }

  private static AgentView agent(int maxSteps) {
    return new AgentView(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "Ada",
        "Engineer",
        "",
        null,
        null,
        null,
        0.5,
        maxSteps,
        List.of(),
        null,
        null,
        null);
  }

  private static AgentLoop loop(LlmGateway gateway) {
    return AgentLoops.over(gateway);
  }

  @Test
  void toolResultsGoBackToTheModelUntilItAnswers() {
    ScriptedGateway gateway = new ScriptedGateway(call("clock_now"), AiMessage.from("It is noon."));
    Recorded hooks = new Recorded();
    List<ChatMessage> messages = new ArrayList<>(List.of(UserMessage.from("What time is it?")));

    loop(gateway).run(SCOPE, agent(8), messages, List.of(), hooks);

    assertThat(hooks.seen)
        .containsExactly("called clock_now", "streamed It is noon.", "answered It is noon.");
    assertThat(gateway.asked).hasSize(2);
    assertThat(gateway.prompts.get(1))
        .hasSize(3)
        .last()
        .isInstanceOf(ToolExecutionResultMessage.class);
    assertThat(((ToolExecutionResultMessage) gateway.prompts.get(1).get(2)).text())
        .as("the model reads the result as data")
        .isEqualTo("<tool-output tool=\"clock_now\">\ndone\n</tool-output>");
    assertThat(gateway.asked.get(0).temperature()).isEqualTo(0.5);
    assertThat(messages).hasSize(4);
    assertThat(((ToolExecutionResultMessage) messages.get(2)).text())
        .as("the work keeps the result as the tool returned it")
        .isEqualTo("done");
  }

  @Test
  void anAgentThatNeverAnswersStopsAtItsStepLimit() {
    ScriptedGateway gateway = new ScriptedGateway(call("a"), call("b"), call("c"));
    Recorded hooks = new Recorded();

    loop(gateway)
        .run(SCOPE, agent(2), new ArrayList<>(List.of(UserMessage.from("go"))), List.of(), hooks);

    assertThat(hooks.seen).containsExactly("called a", "called b", "exhausted 2");
    assertThat(gateway.asked).hasSize(2);
  }

  @Test
  void aCallThatWaitsEndsTheLoop() {
    ScriptedGateway gateway = new ScriptedGateway(call("send_mail"), AiMessage.from("unused"));
    Recorded hooks =
        new Recorded() {
          @Override
          public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
            seen.add("held");
            return Optional.empty();
          }
        };

    loop(gateway)
        .run(SCOPE, agent(8), new ArrayList<>(List.of(UserMessage.from("go"))), List.of(), hooks);

    assertThat(hooks.seen).containsExactly("held");
    assertThat(gateway.asked).hasSize(1);
  }

  @Test
  void aStoppedAgentTakesNoFurtherStep() {
    ScriptedGateway gateway = new ScriptedGateway(call("a"), AiMessage.from("unused"));
    Recorded hooks =
        new Recorded() {
          @Override
          public Optional<List<ToolExecutionResultMessage>> called(AiMessage calls) {
            stop = true;
            return super.called(calls);
          }
        };

    assertThatThrownBy(
            () ->
                loop(gateway)
                    .run(
                        SCOPE,
                        agent(8),
                        new ArrayList<>(List.of(UserMessage.from("go"))),
                        List.of(),
                        hooks))
        .isInstanceOf(CancellationException.class);
    assertThat(gateway.asked).hasSize(1);
  }
}
