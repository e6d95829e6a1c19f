package io.protohive.ui.task;

import com.vaadin.flow.component.html.Span;
import io.protohive.kernel.task.TaskPriority;

/** A task's priority as a badge: the more urgent, the louder its colour. */
final class PriorityBadge extends Span {

  PriorityBadge(TaskPriority priority) {
    super(label(priority));
    addClassName("task-priority-badge");
    getElement().setAttribute("data-priority", priority.name());
    getElement().setAttribute("theme", "badge small " + theme(priority));
  }

  static String label(TaskPriority priority) {
    return switch (priority) {
      case LOW -> "Low";
      case MEDIUM -> "Medium";
      case HIGH -> "High";
      case URGENT -> "Urgent";
    };
  }

  private static String theme(TaskPriority priority) {
    return switch (priority) {
      case LOW -> "contrast";
      case MEDIUM -> "";
      case HIGH -> "error";
      case URGENT -> "error primary";
    };
  }
}
