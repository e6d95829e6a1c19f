package io.protohive.ui.task;

import io.protohive.kernel.task.TaskStatus;

/** How the UI names where a task stands, the same on the board's columns and in its details. */
final class TaskStatuses {

  private TaskStatuses() {}

  static String label(TaskStatus status) {
    return switch (status) {
      case BACKLOG -> "Backlog";
      case TODO -> "To do";
      case IN_PROGRESS -> "In progress";
      case WAITING_FOR_APPROVAL -> "Waiting for approval";
      case BLOCKED -> "Blocked";
      case DONE -> "Done";
      case CANCELLED -> "Cancelled";
    };
  }
}
