package io.protohive.ui.task;

import static io.protohive.ui.task.ComponentsByClass.first;
import static io.protohive.ui.task.ComponentsByClass.text;
import static io.protohive.ui.task.Tasks.ADA;
import static io.protohive.ui.task.Tasks.PAT;
import static io.protohive.ui.task.Tasks.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.layout.ColoredInitial;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskCardTest {

  private static final TaskView LAUNCH = Tasks.task("Launch", TaskStatus.TODO, TaskPriority.LOW);

  @Test
  void aCardShowsPriorityAgentDueDateAndTheTaskItIsPartOf() {
    TaskView task =
        Tasks.assignedTo(
            Tasks.task(
                "Write the post",
                TaskStatus.IN_PROGRESS,
                TaskPriority.URGENT,
                LAUNCH,
                Instant.EPOCH),
            ADA.id(),
            null,
            Instant.parse("2026-12-01T23:59:00Z"));

    TaskCard card = new TaskCard(task, PEOPLE, Optional.of(LAUNCH));

    assertThat(card.getElement().getClassList()).contains("task-card");
    assertThat(card.getElement().getAttribute("data-task-id")).isEqualTo(task.id().toString());
    assertThat(card.getElement().getAttribute("data-status")).isEqualTo("IN_PROGRESS");
    assertThat(first(card, "task-priority-badge").getElement().getText()).isEqualTo("Urgent");
    assertThat(first(card, "task-priority-badge").getElement().getAttribute("theme"))
        .contains("badge", "error");
    assertThat(text(card, "task-assignee")).endsWith("Ada");
    assertThat(ComponentTree.descendants(first(card, "task-assignee")))
        .anyMatch(ColoredInitial.class::isInstance);
    assertThat(text(card, "task-due")).isEqualTo("Due 2026-12-01");
    assertThat(text(card, "task-parent")).isEqualTo("Subtask of Launch");
  }

  @Test
  void aCardNamesAPersonOrNobody() {
    TaskView mine =
        Tasks.assignedTo(
            Tasks.task("Review", TaskStatus.TODO, TaskPriority.MEDIUM), null, PAT, null);
    TaskView nobodys = Tasks.task("Someday", TaskStatus.BACKLOG, TaskPriority.LOW);
    TaskView orphan =
        Tasks.task(
            "Part of something", TaskStatus.BACKLOG, TaskPriority.LOW, LAUNCH, Instant.EPOCH);

    assertThat(text(new TaskCard(mine, PEOPLE, Optional.empty()), "task-assignee")).endsWith("Pat");
    assertThat(text(new TaskCard(nobodys, PEOPLE, Optional.empty()), "task-assignee"))
        .isEqualTo("Unassigned");
    assertThat(text(new TaskCard(orphan, PEOPLE, Optional.empty()), "task-parent"))
        .isEqualTo("Subtask of another task");
    assertThat(ComponentTree.descendants(new TaskCard(nobodys, PEOPLE, Optional.empty())))
        .noneMatch(c -> c.getElement().getClassList().contains("task-due"));
  }
}
