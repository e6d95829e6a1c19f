package io.protohive.ui.task;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.stream.Collectors;

/**
 * One message of an agent's work log on a task, as a person reads it: what the agent was told, what
 * it said and which tools it called, and what the tools answered. All of it shows as text, never as
 * markup, since a tool may have brought it in from anywhere.
 *
 * <p>The message is a chat message as LangChain4j serializes it, its {@code type} one of {@code
 * USER}, {@code AI}, {@code TOOL_EXECUTION_RESULT} and {@code SYSTEM}.
 */
final class WorkStep extends Div {

  private final JsonObject message;

  WorkStep(JsonObject message) {
    this.message = message;
    String type = text(message, "type");
    addClassNames("work-step", LumoUtility.Padding.XSMALL);
    getElement().setAttribute("data-type", type);
    switch (type) {
      case "USER" -> show("Brief / news", userText());
      case "AI" -> agentTurn();
      case "TOOL_EXECUTION_RESULT" ->
          show(text(message, "toolName") + " answered:", text(message, "text"));
      case "SYSTEM" -> show("Instructions", text(message, "text"));
      default -> show(type, message.toString());
    }
  }

  /** What the agent said, if anything, then each tool it called with the arguments it gave. */
  private void agentTurn() {
    add(heading("The agent"));
    String said = text(message, "text");
    if (!said.isBlank()) {
      add(block(said));
    }
    JsonValue calls = message.get("toolExecutionRequests");
    if (calls instanceof JsonArray requests) {
      for (JsonObject call : requests.getValuesAs(JsonObject.class)) {
        Pre shown = block("Calls " + text(call, "name") + " " + text(call, "arguments"));
        shown.addClassName("work-call");
        add(shown);
      }
    }
  }

  /** A person's or the platform's words to the agent: the text parts of the message. */
  private String userText() {
    JsonValue contents = message.get("contents");
    if (!(contents instanceof JsonArray parts)) {
      return "";
    }
    return parts.getValuesAs(JsonObject.class).stream()
        .filter(part -> "TEXT".equals(text(part, "type")))
        .map(part -> text(part, "text"))
        .collect(Collectors.joining("\n\n"));
  }

  private void show(String heading, String text) {
    add(heading(heading), block(text));
  }

  /** A field's text; empty when it is absent or null, as an agent's words are beside a call. */
  private static String text(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  private static Div heading(String text) {
    Div heading = new Div();
    heading.setText(text);
    heading.addClassNames(
        "work-step-heading", LumoUtility.FontSize.SMALL, LumoUtility.FontWeight.SEMIBOLD);
    return heading;
  }

  /** Line breaks kept, long lines wrapped. */
  private static Pre block(String text) {
    Pre block = new Pre(text);
    block.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.NONE);
    block.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    return block;
  }
}
