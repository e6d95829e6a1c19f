package io.protohive.ui.task;

import static io.protohive.ui.task.Tasks.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.ComponentTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBoardTest {

  private final List<TaskView> opened = new ArrayList<>();
  private final TaskBoard board = new TaskBoard(opened::add);

  @Test
  void eachTaskGoesToTheColumnOfItsStatusTheMostUrgentFirst() {
    TaskView launch = task("Launch", TaskStatus.IN_PROGRESS, TaskPriority.MEDIUM, 1);
    TaskView older = task("Older", TaskStatus.TODO, TaskPriority.HIGH, 2);
    TaskView newer = task("Newer", TaskStatus.TODO, TaskPriority.HIGH, 3);
    TaskView urgent = task("Urgent", TaskStatus.TODO, TaskPriority.URGENT, 1);
    TaskView low = task("Low", TaskStatus.TODO, TaskPriority.LOW, 9);
    TaskView post =
        Tasks.task("Post", TaskStatus.BLOCKED, TaskPriority.LOW, launch, Instant.ofEpochSecond(4));

    board.show(List.of(low, newer, older, urgent, launch, post), PEOPLE);

    assertThat(titles("TODO")).containsExactly("Urgent", "Newer", "Older", "Low");
    assertThat(titles("IN_PROGRESS")).containsExactly("Launch");
    assertThat(titles("BLOCKED")).containsExactly("Post");
    assertThat(titles("BACKLOG")).isEmpty();
    assertThat(ComponentsByClass.text(column("BLOCKED"), "task-parent"))
        .isEqualTo("Subtask of Launch");
  }

  @Test
  void cancelledTasksShowOnlyWhenAskedFor() {
    board.show(List.of(task("Dropped", TaskStatus.CANCELLED, TaskPriority.LOW, 1)), PEOPLE);

    assertThat(column("CANCELLED").isVisible()).isFalse();
    assertThat(titles("CANCELLED")).containsExactly("Dropped");

    board.showCancelled(true);

    assertThat(column("CANCELLED").isVisible()).isTrue();
  }

  @Test
  void aBoardShownAgainMovesTheCardAndOpensTheTaskOfACard() {
    TaskView todo = task("Write", TaskStatus.TODO, TaskPriority.MEDIUM, 1);
    board.show(List.of(todo), PEOPLE);
    TaskView started =
        new TaskView(
            todo.id(),
            todo.organizationId(),
            null,
            todo.title(),
            todo.description(),
            TaskStatus.IN_PROGRESS,
            todo.priority(),
            null,
            null,
            todo.reporterKind(),
            todo.reporterId(),
            null,
            null,
            todo.createdAt(),
            Instant.ofEpochSecond(2));

    board.show(List.of(started), PEOPLE);

    assertThat(titles("TODO")).isEmpty();
    assertThat(titles("IN_PROGRESS")).containsExactly("Write");
    Component card = ComponentsByClass.first(column("IN_PROGRESS"), "task-card");
    ComponentUtil.fireEvent(card, new ClickEvent<>(card));
    assertThat(opened).containsExactly(started);
  }

  private Component column(String status) {
    return ComponentTree.byId(board, "column-" + status);
  }

  private List<String> titles(String status) {
    return ComponentsByClass.all(column(status), "task-card-title").stream()
        .map(title -> title.getElement().getText())
        .toList();
  }

  private static TaskView task(
      String title, TaskStatus status, TaskPriority priority, long updatedSecond) {
    return Tasks.task(title, status, priority, null, Instant.ofEpochSecond(updatedSecond));
  }
}
