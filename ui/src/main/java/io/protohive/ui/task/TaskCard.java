package io.protohive.ui.task;

import com.vaadin.flow.component.ClickNotifier;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.layout.ColoredInitial;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * One task on the board: its title, priority, who has it, when it is due, and the task it is part
 * of. The whole card opens the task, by click or by Enter, since it is what a person points at.
 */
final class TaskCard extends Card implements ClickNotifier<TaskCard> {

  /**
   * @param parent the task this one is part of, when the board has it
   */
  TaskCard(TaskView task, TaskPeople people, Optional<TaskView> parent) {
    getElement().getClassList().add("task-card");
    getElement().setAttribute("data-task-id", task.id().toString());
    getElement().setAttribute("data-status", task.status().name());
    getElement().setAttribute("tabindex", "0");
    setAriaRole("button");
    setWidthFull();
    addThemeVariants(CardVariant.LUMO_OUTLINED);
    getStyle().set("cursor", "pointer");
    addClickShortcut(Key.ENTER).listenOn(this);

    Span title = new Span(task.title());
    title.addClassName("task-card-title");
    setTitle(title);
    setHeaderSuffix(new PriorityBadge(task.priority()));
    if (task.parentId() != null) {
      add(
          detail(
              "task-parent", "Subtask of " + parent.map(TaskView::title).orElse("another task")));
    }
    add(assignee(people.assigneeOf(task)));
    if (task.dueAt() != null) {
      add(detail("task-due", "Due " + dueDate(task)));
    }
  }

  /** The day a task is due, in the platform's time zone. */
  static LocalDate dueDate(TaskView task) {
    return LocalDate.ofInstant(task.dueAt(), ZoneOffset.UTC);
  }

  private static Div assignee(Optional<Assignee> assignee) {
    Div shown = new Div();
    shown.addClassName("task-assignee");
    shown
        .getStyle()
        .set("display", "flex")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-xs)");
    shown.addClassNames(LumoUtility.FontSize.SMALL);
    assignee.ifPresentOrElse(
        a -> shown.add(new ColoredInitial(a.name(), a.color()), new Span(a.name())),
        () -> shown.add(detail("task-unassigned", "Unassigned")));
    return shown;
  }

  private static Span detail(String className, String text) {
    Span detail = new Span(text);
    detail.addClassName(className);
    detail.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    return detail;
  }
}
