package io.protohive.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import io.protohive.ui.TestJson;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkLogTest {

  /** A session as the kernel keeps it: LangChain4j's serialized chat messages. */
  private static final String SESSION =
      """
      [
        {"contents":[{"text":"Tell the time. <b>Soon</b>","type":"TEXT"}],"type":"USER"},
        {"text":null,"toolExecutionRequests":[
          {"id":"call-1","name":"clock_now","arguments":"{\\"zone\\":\\"UTC\\"}"}],"type":"AI"},
        {"id":"call-1","toolName":"clock_now","text":"2026-11-25T10:00:00Z",
         "type":"TOOL_EXECUTION_RESULT"},
        {"contents":[{"text":"Pat: Also the date, please.","type":"TEXT"},
          {"image":{"url":"https://example.com/x.png"},"type":"IMAGE"}],"type":"USER"},
        {"text":"I will look again.","toolExecutionRequests":[
          {"id":"call-2","name":"clock_now","arguments":"{}"},
          {"id":"call-3","name":"task_comment","arguments":"{\\"text\\":\\"Nearly\\"}"}],
         "type":"AI"},
        {"text":"Here is the time.","type":"AI"}
      ]
      """;

  @Test
  void eachMessageReadsAsWhatItWasAndNothingBecomesMarkup() {
    WorkLog log = new WorkLog();

    log.show(TestJson.array(SESSION));

    List<Component> steps = ComponentsByClass.all(log, "work-step");
    assertThat(steps)
        .extracting(step -> step.getElement().getAttribute("data-type"))
        .containsExactly("USER", "AI", "TOOL_EXECUTION_RESULT", "USER", "AI", "AI");
    assertThat(lines(steps.get(0))).containsExactly("Brief / news", "Tell the time. <b>Soon</b>");
    assertThat(lines(steps.get(1)))
        .as("a call without words")
        .containsExactly("The agent", "Calls clock_now {\"zone\":\"UTC\"}");
    assertThat(lines(steps.get(2))).containsExactly("clock_now answered:", "2026-11-25T10:00:00Z");
    assertThat(lines(steps.get(3)))
        .as("only the text of a message")
        .containsExactly("Brief / news", "Pat: Also the date, please.");
    assertThat(lines(steps.get(4)))
        .containsExactly(
            "The agent",
            "I will look again.",
            "Calls clock_now {}",
            "Calls task_comment {\"text\":\"Nearly\"}");
    assertThat(lines(steps.get(5))).containsExactly("The agent", "Here is the time.");
    assertThat(steps)
        .flatExtracting(
            step -> step.getElement().getChildren().flatMap(Element::getChildren).toList())
        .as("text only, no elements made of what was written")
        .allMatch(Element::isTextNode);
  }

  @Test
  void theWorkIsFoldedAwayUnderHowManyStepsThereAre() {
    WorkLog log = new WorkLog();

    log.show(TestJson.array(SESSION));

    assertThat(log.isVisible()).isTrue();
    assertThat(log.isOpened()).isFalse();
    assertThat(log.getSummaryText()).isEqualTo("Agent's work · 6 steps");
  }

  @Test
  void workNotStartedIsLeftOut() {
    WorkLog log = new WorkLog();
    log.show(TestJson.array(SESSION));

    log.show(JsonValue.EMPTY_JSON_ARRAY);

    assertThat(log.isVisible()).isFalse();
    assertThat(ComponentsByClass.all(log, "work-step")).isEmpty();
  }

  /** The heading of a step, then each of its blocks of text. */
  private static List<String> lines(Component step) {
    return step.getElement().getChildren().map(Element::getText).toList();
  }
}
