package io.protohive.plugins.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import io.protohive.plugin.api.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scripted model without a plan: the offline demo's conversations and task work. */
class TourTest {

  private static final String ADA =
      "You are Ada, Chief executive officer.\nYou are Ada, CEO of a young software startup. You"
          + " turn goals into priorities, decide quickly, and delegate.";
  private static final String RULES = "\n\nYou are working on a task of your organization.";
  private static final String ADA_AT_WORK =
      ADA
          + RULES
          + "\nYour reports:\n- Linus, Chief technology officer\n- Margaret, Product manager";
  private static final String MARGARET_AT_WORK =
      "You are Margaret, Product manager.\nYou write crisp user stories." + RULES;

  private static final ToolSpecification CREATE = tool("task_create", "title");
  private static final ToolSpecification DELEGATE = tool("task_delegate", "title", "assignee");
  private static final ToolSpecification COMMENT = tool("task_comment", "text");
  private static final ToolSpecification COMPLETE = tool("task_complete", "result");
  private static final ToolSpecification CLOCK = tool("clock_now");
  private static final ToolSpecification HTTP = tool("http_get", "url");

  private final Script script = Script.of(Configuration.empty());

  @Test
  void anAgentIntroducesItselfInItsRoleAsTheOfflineDemoModel() {
    AiMessage answer = answer(List.of(CREATE), SystemMessage.from(ADA), UserMessage.from("Hello"));

    assertThat(answer.hasToolExecutionRequests()).isFalse();
    assertThat(answer.text())
        .isEqualTo(
            "This is the scripted offline model as Ada, Chief executive officer: I turn goals into"
                + " priorities. A tenant admin connects a real model on the LLM page. Ask me to get"
                + " something done.");
    assertThat(Script.words(answer.text())).as("short, for it streams").isLessThan(40);
  }

  @Test
  void aRequestBecomesATaskOnTheBoard() {
    ToolExecutionRequest call =
        answer(
                List.of(CLOCK, CREATE),
                SystemMessage.from(ADA),
                UserMessage.from("Please plan our product launch"))
            .toolExecutionRequests()
            .get(0);

    assertThat(call.name()).isEqualTo("task_create");
    assertThat(call.arguments())
        .isEqualTo(
            "{\"title\":\"Plan our product launch\","
                + "\"description\":\"Please plan our product launch\"}");
  }

  @Test
  void aRequestIsOneOfTheVerbsAfterMentionsAndPoliteness() {
    assertThat(Tour.request("@Ada, could you please write the release notes.")).isPresent();
    assertThat(Tour.title(Tour.request("@Ada, could you please write the notes.").get()))
        .isEqualTo("Write the notes");
    assertThat(Tour.request("Can you build a \"status\" page?")).isPresent();
    assertThat(Tour.request("LAUNCH it")).isPresent();
    assertThat(Tour.request("Hello")).isEmpty();
    assertThat(Tour.request("plans?")).isEmpty();
    assertThat(Tour.request("tell me a long story")).isEmpty();
    assertThat(Tour.request("Please use clock_now")).isEmpty();
    assertThat(Tour.request("please stream a long answer")).isEmpty();
    assertThat(Tour.title("write a b c d e f g h i j k l. And more"))
        .isEqualTo("Write a b c d e f g h i");

    ToolExecutionRequest call =
        answer(
                List.of(CREATE),
                SystemMessage.from(ADA),
                UserMessage.from("Can you build a \"status\" page?\nSoon."))
            .toolExecutionRequests()
            .get(0);
    assertThat(call.arguments())
        .isEqualTo(
            "{\"title\":\"Build a \\\"status\\\" page\","
                + "\"description\":\"Can you build a \\\"status\\\" page?\\nSoon.\"}");
  }

  @Test
  void withoutTheTaskToolARequestIsAnsweredInRole() {
    AiMessage answer =
        answer(List.of(), SystemMessage.from(ADA), UserMessage.from("Please plan our launch"));

    assertThat(answer.hasToolExecutionRequests()).isFalse();
    assertThat(answer.text()).startsWith("This is the scripted offline model as Ada");
  }

  @Test
  void afterPuttingTheTaskOnTheBoardItSaysWhoWorksOnIt() {
    UserMessage request = UserMessage.from("Please plan our product launch");
    AiMessage call = answer(List.of(CREATE), SystemMessage.from(ADA), request);
    String created = "The task \"Plan our product launch\" is on the task board, assigned to Ada.";

    AiMessage answer =
        answer(
            List.of(CREATE),
            SystemMessage.from(ADA),
            request,
            call,
            ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0), created));
    AiMessage refused =
        answer(
            List.of(CREATE),
            SystemMessage.from(ADA),
            request,
            call,
            ToolExecutionResultMessage.from(
                call.toolExecutionRequests().get(0), "Not created: you may not."));

    assertThat(answer.text()).startsWith("Done: " + created).contains("I work on it now");
    assertThat(refused.text())
        .isEqualTo("I could not put it on the task board: Not created: you may not.");
  }

  @Test
  void askedToUseAToolTheAgentCallsItAndRepeatsItsAnswer() {
    UserMessage ask = UserMessage.from("Please use clock_now");
    AiMessage call = answer(List.of(CLOCK, CREATE), SystemMessage.from(ADA), ask);
    assertThat(call.toolExecutionRequests().get(0).name()).isEqualTo("clock_now");

    AiMessage answer =
        answer(
            List.of(CLOCK, CREATE),
            SystemMessage.from(ADA),
            ask,
            call,
            ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0), "noon"));
    assertThat(answer.text()).isEqualTo("The tool clock_now answered: noon");
  }

  @Test
  void requestsThatIntroduceNoAgentAreEchoedAsBefore() {
    assertThat(
            answer(
                    List.of(),
                    SystemMessage.from("You keep the running summary of a conversation."),
                    UserMessage.from("Summarize"))
                .text())
        .isEqualTo("This is the scripted offline model. You said: Summarize");
    assertThat(
            answer(
                    List.of(),
                    SystemMessage.from("You are Ada, moderating a conversation between:\n- Linus"),
                    UserMessage.from("Who speaks next?"))
                .text())
        .startsWith("This is the scripted offline model. You said: ");
  }

  @Test
  void aManagerDelegatesAPartToEachReportThenWaitsThenCombinesTheirResults() {
    List<ToolSpecification> tools = List.of(DELEGATE, COMMENT, COMPLETE, tool("task_escalate"));
    List<ChatMessage> log = new ArrayList<>();
    log.add(SystemMessage.from(ADA_AT_WORK));
    log.add(UserMessage.from("Your task: Plan our product launch\nPriority: medium"));

    AiMessage delegation = answer(tools, log);
    assertThat(delegation.toolExecutionRequests())
        .extracting(ToolExecutionRequest::name)
        .containsExactly("task_delegate", "task_delegate");
    assertThat(delegation.toolExecutionRequests())
        .extracting(ToolExecutionRequest::arguments)
        .containsExactly(
            "{\"title\":\"Chief technology officer's part: Plan our product launch\","
                + "\"description\":\"Your part of \\\"Plan our product launch\\\", as Chief"
                + " technology officer.\",\"assignee\":\"Linus\"}",
            "{\"title\":\"Product manager's part: Plan our product launch\","
                + "\"description\":\"Your part of \\\"Plan our product launch\\\", as Product"
                + " manager.\",\"assignee\":\"Margaret\"}");
    log.add(delegation);
    for (ToolExecutionRequest call : delegation.toolExecutionRequests()) {
      log.add(ToolExecutionResultMessage.from(call, "Subtask delegated."));
    }

    AiMessage waiting = answer(tools, log);
    assertThat(waiting.hasToolExecutionRequests()).isFalse();
    assertThat(waiting.text())
        .contains("Linus (Chief technology officer)", "Margaret (Product manager)");
    log.add(waiting);

    List<ChatMessage> halfDone = new ArrayList<>(log);
    halfDone.add(
        UserMessage.from(
            "Your subtasks:\n- Chief technology officer's part: Plan our product launch (Linus):"
                + " done - Built.\n- Product manager's part: Plan our product launch (Margaret):"
                + " waiting for approval"));
    assertThat(answer(tools, halfDone).hasToolExecutionRequests()).isFalse();

    log.add(
        UserMessage.from(
            "Comments:\n- A person: go\n\nYour subtasks:\n- Chief technology officer's part: Plan"
                + " our product launch (Linus): done - Built (and tested).\n- Product manager's"
                + " part: Plan our product launch (Margaret): done - Stories written."));
    ToolExecutionRequest completion = answer(tools, log).toolExecutionRequests().get(0);
    assertThat(completion.name()).isEqualTo("task_complete");
    assertThat(completion.arguments())
        .isEqualTo(
            "{\"result\":\"\\\"Plan our product launch\\\" is done. Linus: Built (and tested)."
                + " Margaret: Stories written.\"}");
  }

  @Test
  void aReportDelegatesItsPartUnderTheOriginalTitle() {
    String linus =
        "You are Linus, Chief technology officer.\nYou break goals into tasks."
            + RULES
            + "\nYour reports:\n- Grace, Backend engineer\n- Alan, Frontend engineer";

    AiMessage delegation =
        answer(
            List.of(DELEGATE, COMPLETE),
            SystemMessage.from(linus),
            UserMessage.from(
                "Your task: Chief technology officer's part: Plan our product launch\nPriority:"
                    + " medium"));

    assertThat(delegation.toolExecutionRequests().get(0).arguments())
        .startsWith("{\"title\":\"Backend engineer's part: Plan our product launch\"");
    assertThat(delegation.toolExecutionRequests().get(1).arguments())
        .endsWith("\"assignee\":\"Alan\"}");
  }

  @Test
  void anAgentWithoutReportsCallsItsToolOnceThenCompletesWithItsAnswer() {
    List<ToolSpecification> tools = List.of(COMMENT, COMPLETE, HTTP, CLOCK);
    List<ChatMessage> log = new ArrayList<>();
    log.add(SystemMessage.from(MARGARET_AT_WORK));
    log.add(UserMessage.from("Your task: Product manager's part: Plan our launch\nPriority: low"));

    AiMessage call = answer(tools, log);
    assertThat(call.toolExecutionRequests())
        .extracting(ToolExecutionRequest::name)
        .as("the first tool that needs no arguments")
        .containsExactly("clock_now");
    log.add(call);
    log.add(ToolExecutionResultMessage.from(call.toolExecutionRequests().get(0), "2026-12-07"));
    log.add(UserMessage.from("Comments:\n- ProtoHive: Approved: clock.now"));

    ToolExecutionRequest completion = answer(tools, log).toolExecutionRequests().get(0);
    assertThat(completion.name()).isEqualTo("task_complete");
    assertThat(completion.arguments())
        .isEqualTo(
            "{\"result\":\"As Product manager I took care of \\\"Plan our launch\\\"."
                + " clock_now answered: 2026-12-07\"}");
  }

  @Test
  void anAgentWithoutReportsOrToolsItCanCallCompletesAtOnce() {
    ToolExecutionRequest completion =
        answer(
                List.of(COMMENT, COMPLETE, HTTP),
                SystemMessage.from(MARGARET_AT_WORK),
                UserMessage.from("Your task: Write stories\nPriority: low"))
            .toolExecutionRequests()
            .get(0);

    assertThat(completion.name()).isEqualTo("task_complete");
    assertThat(completion.arguments())
        .isEqualTo("{\"result\":\"As Product manager I took care of \\\"Write stories\\\".\"}");
  }

  @Test
  void aPlanStillDecidesOnceItsStepsAreUsedUp() {
    Script planned = Script.of(Configuration.of(Map.of("plan", "@Linus: say: Hi.")));

    AiMessage answer =
        planned
            .answer(
                ChatRequest.builder()
                    .messages(SystemMessage.from(ADA), UserMessage.from("Please plan it"))
                    .toolSpecifications(CREATE)
                    .build())
            .aiMessage();

    assertThat(answer.text())
        .isEqualTo("This is the scripted offline model. You said: Please plan it");
  }

  private AiMessage answer(List<ToolSpecification> tools, ChatMessage... messages) {
    return answer(tools, List.of(messages));
  }

  private AiMessage answer(List<ToolSpecification> tools, List<ChatMessage> messages) {
    ChatRequest.Builder request = ChatRequest.builder().messages(messages);
    if (!tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    return script.answer(request.build()).aiMessage();
  }

  private static ToolSpecification tool(String name, String... required) {
    JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
    for (String parameter : required) {
      parameters.addStringProperty(parameter);
    }
    return ToolSpecification.builder()
        .name(name)
        .parameters(parameters.required(required).build())
        .build();
  }
}
