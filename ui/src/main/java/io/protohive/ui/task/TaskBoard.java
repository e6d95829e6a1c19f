package io.protohive.ui.task;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An organization's tasks in a column per status, the most urgent at the top of each and, among
 * equals, the one changed last. Cancelled tasks are left out unless asked for, as nobody works on
 * them any more.
 */
final class TaskBoard extends HorizontalLayout {

  private static final Comparator<TaskView> MOST_URGENT_FIRST =
      Comparator.comparing(TaskView::priority)
          .reversed()
          .thenComparing(TaskView::updatedAt, Comparator.reverseOrder());

  private final Map<TaskStatus, TaskColumn> columns = new EnumMap<>(TaskStatus.class);
  private final Consumer<TaskView> open;

  /**
   * @param open what to do when a person opens a task's card
   */
  TaskBoard(Consumer<TaskView> open) {
    this.open = open;
    setId("task-board");
    setWidthFull();
    getStyle().set("overflow-x", "auto").set("align-items", "flex-start");
    for (TaskStatus status : TaskStatus.values()) {
      TaskColumn column = new TaskColumn(status);
      columns.put(status, column);
      add(column);
    }
    showCancelled(false);
  }

  /** Shows the tasks as they are now; a subtask names its parent when the board has it. */
  void show(List<TaskView> tasks, TaskPeople people) {
    Map<UUID, TaskView> byId =
        tasks.stream().collect(Collectors.toMap(TaskView::id, Function.identity()));
    Map<TaskStatus, List<TaskView>> byStatus =
        tasks.stream().sorted(MOST_URGENT_FIRST).collect(Collectors.groupingBy(TaskView::status));
    columns.forEach(
        (status, column) ->
            column.show(
                byStatus.getOrDefault(status, List.of()).stream()
                    .map(task -> card(task, people, byId))
                    .toList()));
  }

  void showCancelled(boolean shown) {
    columns.get(TaskStatus.CANCELLED).setVisible(shown);
  }

  private TaskCard card(TaskView task, TaskPeople people, Map<UUID, TaskView> byId) {
    TaskCard card = new TaskCard(task, people, Optional.ofNullable(task.parentId()).map(byId::get));
    card.addClickListener(click -> open.accept(task));
    return card;
  }
}
