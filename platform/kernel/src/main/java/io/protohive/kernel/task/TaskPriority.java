package io.protohive.kernel.task;

public enum TaskPriority {
  LOW,
  MEDIUM,
  HIGH,
  URGENT
}
