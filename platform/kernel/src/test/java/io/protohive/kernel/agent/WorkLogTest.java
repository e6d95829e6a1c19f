package io.protohive.kernel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkLogTest {

  private static final ToolExecutionRequest CLOCK =
      ToolExecutionRequest.builder().id("call-1").name("clock").arguments("{}").build();
  private static final ToolExecutionRequest SEARCH =
      ToolExecutionRequest.builder().id("call-2").name("search").arguments("{\"q\":\"x\"}").build();

  @Test
  void theCallsOfTheLastStepWithoutAResultAreUnanswered() {
    List<ChatMessage> log =
        List.of(
            UserMessage.from("What time is it, and what is x?"),
            AiMessage.from(CLOCK, SEARCH),
            ToolExecutionResultMessage.from(CLOCK, "noon"));

    assertThat(WorkLog.unanswered(log)).containsExactly(SEARCH);
  }

  @Test
  void aStepWhoseCallsAllHaveResultsLeavesNothingToRun() {
    List<ChatMessage> log =
        List.of(
            AiMessage.from(CLOCK, SEARCH),
            ToolExecutionResultMessage.from(SEARCH, "x is y"),
            ToolExecutionResultMessage.from(CLOCK, "noon"));

    assertThat(WorkLog.unanswered(log)).isEmpty();
  }

  @Test
  void onlyTheLastStepCountsAndAnAnswerOrNewsEndsIt() {
    AiMessage earlier = AiMessage.from(CLOCK);
    assertThat(WorkLog.unanswered(List.of(earlier, AiMessage.from("It is noon.")))).isEmpty();
    assertThat(WorkLog.unanswered(List.of(earlier, UserMessage.from("Anything new?")))).isEmpty();
    assertThat(WorkLog.unanswered(List.of())).isEmpty();
  }

  @Test
  void theStoredStepsReadBackAsTheyWereAndCanBeAddedTo() {
    List<ChatMessage> log =
        List.of(AiMessage.from(CLOCK, SEARCH), ToolExecutionResultMessage.from(CLOCK, "noon"));

    List<ChatMessage> read = WorkLog.steps(WorkLog.json(log));

    assertThat(read).isEqualTo(log);
    read.add(ToolExecutionResultMessage.from(SEARCH, "x is y"));
    assertThat(WorkLog.unanswered(read)).isEmpty();
  }
}
