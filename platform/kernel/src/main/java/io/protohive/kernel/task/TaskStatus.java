package io.protohive.kernel.task;

/** Where a task stands. */
public enum TaskStatus {
  BACKLOG,
  TODO,
  IN_PROGRESS,
  WAITING_FOR_APPROVAL,
  BLOCKED,
  DONE,
  CANCELLED;

  /** Whether the task is over, one way or another. */
  public boolean closed() {
    return this == DONE || this == CANCELLED;
  }
}
