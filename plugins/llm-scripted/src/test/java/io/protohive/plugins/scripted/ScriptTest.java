package io.protohive.plugins.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.plugin.api.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptTest {

  private static final String ECHO = "This is the scripted offline model. You said: ";

  @Test
  void agentsSharingAPlanEachFollowTheirOwnSteps() {
    Script script =
        plan(
            """
            @Ada: call: task_delegate {"title":"Build the API","assignee":"Linus"}
            @Linus: say: The API is done.
            @Ada: say: Thanks, Linus.
            """);
    String ada = "You are Ada, CEO.\nLead the company.";
    String linus = "You are Linus, engineer.\nBuild things.";

    ToolExecutionRequest delegation = reply(script, ada, 0).toolExecutionRequests().get(0);
    assertThat(delegation.name()).isEqualTo("task_delegate");
    assertThat(delegation.arguments())
        .isEqualTo("{\"title\":\"Build the API\",\"assignee\":\"Linus\"}");
    assertThat(reply(script, ada, 1).text()).isEqualTo("Thanks, Linus.");

    assertThat(reply(script, linus, 0).text()).isEqualTo("The API is done.");
    assertThat(reply(script, linus, 1).text()).isEqualTo(ECHO + "next");
  }

  @Test
  void unprefixedLinesAreStepsForEveryAgentInPlanOrder() {
    Script script =
        plan(
            """
            say: Hello.
            @Ada: say: I lead.
            @Linus: say: I build.
            say: Goodbye.
            """);

    assertThat(replies(script, "You are Ada, CEO.", 3))
        .containsExactly("Hello.", "I lead.", "Goodbye.");
    assertThat(replies(script, "You are Linus. You write code.", 3))
        .containsExactly("Hello.", "I build.", "Goodbye.");
  }

  @Test
  void aRequestNamingNoAgentSeesOnlyTheUnprefixedLines() {
    Script script = plan("say: Hello.\n@Ada: say: I lead.\nsay: Goodbye.");

    assertThat(replies(script, null, 3)).containsExactly("Hello.", "Goodbye.", ECHO + "next");
    assertThat(replies(script, "Be helpful.", 3))
        .containsExactly("Hello.", "Goodbye.", ECHO + "next");
  }

  @Test
  void aPrefixMatchesTheWholeNameOnly() {
    Script script = plan("@Ada: say: I am Ada.\nsay: Anyone.");

    assertThat(reply(script, "You are Adam, CFO.", 0).text()).isEqualTo("Anyone.");
    assertThat(reply(script, "You are Ada-Lovelace, CTO.", 0).text()).isEqualTo("Anyone.");
    assertThat(reply(script, "you are Ada, CEO.", 0).text()).isEqualTo("Anyone.");
    assertThat(reply(script, "You are Ada.", 0).text()).isEqualTo("I am Ada.");
    assertThat(reply(script, "You are Ada\tthe CEO.", 0).text()).isEqualTo("I am Ada.");
  }

  @Test
  void namesMayHoldDigitsHyphensAndUnderscores() {
    Script script = plan("@R2-D2_b: say: Beep.\nsay: Anyone.");

    assertThat(reply(script, "You are R2-D2_b, a droid.", 0).text()).isEqualTo("Beep.");
    assertThat(reply(script, "You are R2-D2, a droid.", 0).text()).isEqualTo("Anyone.");
  }

  @Test
  void onlyTheFirstSystemMessageNamesTheAgent() {
    Script script = plan("@Ada: say: I am Ada.\n@Linus: say: I am Linus.");

    AiMessage answer =
        script
            .answer(
                ChatRequest.builder()
                    .messages(
                        SystemMessage.from("You are Linus, engineer."),
                        SystemMessage.from("You are Ada, CEO."),
                        UserMessage.from("next"))
                    .build())
            .aiMessage();

    assertThat(answer.text()).isEqualTo("I am Linus.");
    assertThat(reply(script, "You are Ada, CEO.", 0).text()).isEqualTo("I am Ada.");
  }

  @Test
  void aCallMayNameItsIdAndOtherwiseTheSameCallHasTheSameId() {
    Script script =
        plan("call: clock_now {}\ncall: clock_now {}\ncall#call-1: http_post {\"url\":\"x\"}");

    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (int turn = 0; turn < 3; turn++) {
      calls.add(reply(script, null, turn).toolExecutionRequests().get(0));
    }

    assertThat(calls.get(0).id()).startsWith("call-").isEqualTo(calls.get(1).id());
    assertThat(calls.get(2).id()).isEqualTo("call-1");
    assertThat(calls.get(2).name()).isEqualTo("http_post");
    assertThat(calls.get(2).arguments()).isEqualTo("{\"url\":\"x\"}");
  }

  @Test
  void blankLinesAreNotSteps() {
    Script script = plan("\n@Ada: say: One.\n\n   \nsay: Two.\n");

    assertThat(replies(script, "You are Ada, CEO.", 2)).containsExactly("One.", "Two.");
  }

  @Test
  void aPlanWithoutPrefixesIsTheSameForEveryAgent() {
    Script script = plan("say: One.\nplain words\n@ not a prefix");

    List<String> expected = List.of("One.", "plain words", "@ not a prefix");
    assertThat(replies(script, null, 3)).isEqualTo(expected);
    assertThat(replies(script, "You are Ada, CEO.", 3)).isEqualTo(expected);
  }

  @Test
  void aToolResultIsRepeatedWithoutItsEnvelope() {
    ToolExecutionRequest call =
        ToolExecutionRequest.builder().id("c1").name("clock_now").arguments("{}").build();
    Script script = plan("");

    String enveloped =
        script
            .answer(
                ChatRequest.builder()
                    .messages(
                        UserMessage.from("time?"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(
                            call, "<tool-output tool=\"clock_now\">\nnoon\nlate\n</tool-output>"))
                    .build())
            .aiMessage()
            .text();
    String bare =
        script
            .answer(
                ChatRequest.builder()
                    .messages(
                        UserMessage.from("time?"),
                        AiMessage.from(call),
                        ToolExecutionResultMessage.from(call, "noon"))
                    .build())
            .aiMessage()
            .text();

    assertThat(enveloped).isEqualTo("The tool clock_now answered: noon\nlate");
    assertThat(bare).isEqualTo("The tool clock_now answered: noon");
  }

  private static Script plan(String plan) {
    return Script.of(Configuration.of(Map.of("plan", plan)));
  }

  /** The texts of the first {@code turns} replies to the agent introduced by {@code system}. */
  private static List<String> replies(Script script, String system, int turns) {
    List<String> texts = new ArrayList<>();
    for (int turn = 0; turn < turns; turn++) {
      texts.add(reply(script, system, turn).text());
    }
    return texts;
  }

  /** The reply to a conversation with {@code turn} earlier replies, after an optional prompt. */
  private static AiMessage reply(Script script, String system, int turn) {
    List<ChatMessage> messages = new ArrayList<>();
    if (system != null) {
      messages.add(SystemMessage.from(system));
    }
    for (int i = 0; i < turn; i++) {
      messages.add(UserMessage.from("go on"));
      messages.add(AiMessage.from("reply " + i));
    }
    messages.add(UserMessage.from("next"));
    return script.answer(ChatRequest.builder().messages(messages).build()).aiMessage();
  }
}
