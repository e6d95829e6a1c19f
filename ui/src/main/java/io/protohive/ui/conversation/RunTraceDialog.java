package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.conversation.RunKind;
import io.protohive.kernel.conversation.RunView;
import io.protohive.ui.layout.Dates;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * How an agent's turn came about, step by step: what went into its prompt, what the model answered
 * and how fast, the tools it called, and where it failed. For whoever wonders why an agent said
 * what it said.
 */
final class RunTraceDialog extends Dialog {

  RunTraceDialog(RunView run, Speakers speakers) {
    setId("run-trace");
    setHeaderTitle(
        (run.kind() == RunKind.MODERATION ? "Moderation by " : "Turn of ")
            + speakers.agent(run.agentId()).name());
    setWidth("48em");
    setMaxHeight("90vh");

    Div facts = new Div(status(run.status()), fact(timing(run)));
    facts
        .getStyle()
        .set("display", "flex")
        .set("flex-wrap", "wrap")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-s)");
    add(facts);
    if (run.error() != null && !run.error().isBlank()) {
      Paragraph error = new Paragraph();
      error.setText(run.error());
      error.addClassNames(LumoUtility.TextColor.ERROR);
      add(error);
    }

    Div steps = new Div();
    steps
        .getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "var(--lumo-space-xs)")
        .set("margin-top", "var(--lumo-space-s)");
    run.trace()
        .getValuesAs(JsonObject.class)
        .forEach(step -> steps.add(new TraceStep(step, speakers)));
    if (run.trace().isEmpty()) {
      steps.add(fact("No steps recorded yet."));
    }
    add(steps);

    Button close = new Button("Close", click -> close());
    getFooter().add(close);
  }

  /** RUNNING, COMPLETED or FAILED, as a badge of its colour. */
  private static Span status(String status) {
    Span badge = new Span(status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT));
    String tone =
        switch (status) {
          case "COMPLETED" -> " success";
          case "FAILED" -> " error";
          default -> "";
        };
    badge.getElement().setAttribute("theme", "badge" + tone);
    return badge;
  }

  private static String timing(RunView run) {
    String started = "Started " + Dates.format(run.startedAt());
    if (run.finishedAt() == null) {
      return started;
    }
    Duration took = Duration.between(run.startedAt(), run.finishedAt());
    return started
        + " · finished "
        + Dates.format(run.finishedAt())
        + " · took "
        + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
  }

  private static Span fact(String text) {
    Span fact = new Span(text);
    fact.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    return fact;
  }
}
