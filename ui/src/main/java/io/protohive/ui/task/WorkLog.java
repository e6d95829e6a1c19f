package io.protohive.ui.task;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Div;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * The agent's work on a task so far, step by step, folded away: most people want the result, some
 * want to know how the agent came to it. Left out while the agent has not started.
 */
final class WorkLog extends Details {

  private final Div steps = new Div();

  WorkLog() {
    setId("task-work");
    addThemeVariants(DetailsVariant.FILLED);
    setWidthFull();
    steps
        .getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "var(--lumo-space-xs)");
    add(steps);
  }

  /** Shows the work as the platform keeps it now; stays open or folded as the person left it. */
  void show(JsonArray work) {
    steps.removeAll();
    work.getValuesAs(JsonObject.class).forEach(message -> steps.add(new WorkStep(message)));
    setSummaryText("Agent's work · " + work.size() + (work.size() == 1 ? " step" : " steps"));
    setVisible(!work.isEmpty());
  }
}
