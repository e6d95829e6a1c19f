package io.protohive.ui.task;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.task.TaskStatus;
import java.util.List;

/** The tasks of one status on the board, under its name and how many there are. */
final class TaskColumn extends VerticalLayout {

  private final Span count = new Span();
  private final Div cards = new Div();

  TaskColumn(TaskStatus status) {
    setId("column-" + status.name());
    getElement().setAttribute("aria-label", TaskStatuses.label(status));
    setPadding(true);
    setSpacing(false);
    addClassNames(LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
    getStyle().set("flex", "1 0 15em").set("min-width", "15em").set("max-width", "22em");

    H4 name = new H4(TaskStatuses.label(status));
    name.getStyle().set("margin", "0");
    count.getElement().setAttribute("theme", "badge contrast pill small");
    HorizontalLayout heading = new HorizontalLayout(name, count);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    cards
        .getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "var(--lumo-space-s)")
        .set("width", "100%")
        .set("margin-top", "var(--lumo-space-s)");
    add(heading, cards);
  }

  void show(List<TaskCard> shown) {
    count.setText(Integer.toString(shown.size()));
    cards.removeAll();
    shown.forEach(cards::add);
  }
}
