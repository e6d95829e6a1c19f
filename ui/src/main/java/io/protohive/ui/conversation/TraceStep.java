package io.protohive.ui.conversation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One step of an agent's run, folded: what happened in a line, what was said or passed inside.
 * Everything a model, a tool or a person wrote shows as text, never as markup, since any of it may
 * come from the internet by way of a tool.
 */
final class TraceStep extends Details {

  private final JsonObject step;
  private final Speakers speakers;

  TraceStep(JsonObject step, Speakers speakers) {
    this.step = step;
    this.speakers = speakers;
    String kind = text("kind");
    addClassName("trace-step");
    getElement().setAttribute("data-kind", kind);
    addThemeVariants(DetailsVariant.SMALL, DetailsVariant.FILLED);
    setWidthFull();
    switch (kind) {
      case "context" -> context();
      case "summary" ->
          show("Summary refreshed · " + count("messages", "message") + " folded in", "text");
      case "summary.failed" -> failure("Summary not refreshed");
      case "memory.unavailable" -> failure("Memory unavailable");
      case "prompt" -> show("Prompt · " + count("messages", "message"), "text");
      case "response" -> response();
      case "tool.call" -> show("Tool call · " + text("tool"), "arguments");
      case "tool.result" -> toolResult();
      case "moderation" -> moderation();
      case "error" -> failure("Error");
      default -> {
        setSummaryText(kind);
        add(block(step.toString()));
      }
    }
  }

  private void context() {
    List<String> recalled =
        step.getJsonArray("recalled") == null
            ? List.of()
            : step.getJsonArray("recalled").getValuesAs(JsonString::getString);
    StringBuilder summary = new StringBuilder("Context · " + count("messages", "message"));
    if (number("summarizedMessages") > 0) {
      summary
          .append(" · ")
          .append(count("summarizedMessages", "older message"))
          .append(" in the summary");
    }
    summary.append(" · ").append(plural(recalled.size(), "memory", "memories")).append(" recalled");
    setSummaryText(summary.toString());

    if (recalled.isEmpty()) {
      add(note("No memories recalled."));
    } else {
      UnorderedList memories = new UnorderedList();
      memories.addClassNames(LumoUtility.Margin.Vertical.XSMALL);
      recalled.forEach(memory -> memories.add(textItem(memory)));
      add(note("Recalled memories:"), memories);
    }
    Details system = new Details("System prompt", block(text("system")));
    system.addThemeVariants(DetailsVariant.SMALL);
    add(system);
  }

  private void response() {
    StringBuilder summary = new StringBuilder("Response · " + text("model"));
    if (step.containsKey("latencyMillis")) {
      summary.append(" · ").append(number("latencyMillis")).append(" ms");
    }
    if (step.containsKey("promptTokens")) {
      summary.append(" · ").append(number("promptTokens"));
      if (step.containsKey("completionTokens")) {
        summary.append("→").append(number("completionTokens"));
      }
      summary.append(" tokens");
    }
    long toolCalls = number("toolCalls");
    if (toolCalls > 0) {
      summary.append(" · ").append(plural(toolCalls, "tool call", "tool calls"));
    }
    setSummaryText(summary.toString());
    // a reply made only of tool calls has no text, which the trace keeps as "null"
    String text = text("text");
    if (toolCalls > 0 && "null".equals(text)) {
      add(note("No words: the model called tools instead."));
    } else {
      add(block(text));
    }
  }

  private void toolResult() {
    String status = text("status");
    StringBuilder summary =
        new StringBuilder("Tool result · " + text("tool") + " · ")
            .append("OK".equals(status) ? "answered" : readable(status));
    if (step.containsKey("durationMillis")) {
      summary.append(" · ").append(number("durationMillis")).append(" ms");
    }
    summarize(summary.toString(), !"OK".equals(status));
    add(block(text("content")));
  }

  private void moderation() {
    String chosen = text("chosen");
    setSummaryText(
        "Moderation · chose "
            + ("nobody".equals(chosen)
                ? "nobody"
                : speakers.agent(UUID.fromString(chosen)).name()));
    add(block(text("reply")));
  }

  private void failure(String title) {
    summarize(title, true);
    add(block(text("message")));
    setOpened(true);
  }

  private void show(String summary, String field) {
    setSummaryText(summary);
    add(block(text(field)));
  }

  /** The summary line, in the error colour for a step that went wrong. */
  private void summarize(String summary, boolean wrong) {
    Span line = new Span(summary);
    if (wrong) {
      line.addClassNames(LumoUtility.TextColor.ERROR);
    }
    setSummary(line);
  }

  private String text(String field) {
    JsonValue value = step.get(field);
    if (value == null) {
      return "";
    }
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  private long number(String field) {
    return step.containsKey(field) ? step.getJsonNumber(field).longValue() : 0;
  }

  private String count(String field, String thing) {
    return plural(number(field), thing, thing + "s");
  }

  private static String plural(long count, String one, String many) {
    return count + " " + (count == 1 ? one : many);
  }

  private static String readable(String status) {
    return status.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static ListItem textItem(String text) {
    ListItem item = new ListItem();
    item.setText(text);
    item.getStyle().set("white-space", "pre-wrap");
    return item;
  }

  private static Component note(String text) {
    Div note = new Div(text);
    note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    return note;
  }

  /** What was said or passed, exactly: line breaks kept, long lines wrapped. */
  private static Pre block(String text) {
    Pre block = new Pre(text);
    block.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.NONE);
    block.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    return block;
  }
}
