package io.protohive.ui.task;

import static io.protohive.ui.task.Tasks.ADA;
import static io.protohive.ui.task.Tasks.ME;
import static io.protohive.ui.task.Tasks.PAT;
import static io.protohive.ui.task.Tasks.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.task.TaskDraft;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskService;
import io.protohive.ui.ComponentTree;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewTaskDialogTest {

  private final NewTaskDialog dialog =
      new NewTaskDialog(
          new TaskService(),
          new Caller(ME, UUID.randomUUID()),
          Tasks.ORGANIZATION,
          PEOPLE,
          created -> {});

  @Test
  void anAgentsTaskIsDueByTheEndOfTheChosenDay() {
    ComponentTree.<TextField>byId(dialog, "task-title").setValue("Write the post");
    ComponentTree.<Select<TaskPriority>>byId(dialog, "task-priority").setValue(TaskPriority.HIGH);
    assignee().setValue(assignee(ADA.id(), null));
    ComponentTree.<DatePicker>byId(dialog, "task-due").setValue(LocalDate.of(2026, 12, 1));

    TaskDraft draft = dialog.draft();

    assertThat(draft.title()).isEqualTo("Write the post");
    assertThat(draft.priority()).isEqualTo(TaskPriority.HIGH);
    assertThat(draft.assigneeAgentId()).isEqualTo(ADA.id());
    assertThat(draft.assigneeUserId()).isNull();
    assertThat(draft.dueAt()).isEqualTo(Instant.parse("2026-12-01T23:59:00Z"));
    assertThat(draft.status()).as("the platform's choice").isNull();
    assertThat(draft.parentId()).isNull();
  }

  @Test
  void aTaskMayGoToAPersonOrToNobodyYet() {
    assertThat(dialog.draft().priority()).isEqualTo(TaskPriority.MEDIUM);
    assertThat(dialog.draft().assigneeAgentId()).isNull();
    assertThat(dialog.draft().assigneeUserId()).isNull();
    assertThat(dialog.draft().dueAt()).isNull();

    assignee().setValue(assignee(null, PAT));

    assertThat(dialog.draft().assigneeUserId()).isEqualTo(PAT);
    assertThat(assignee().getItemLabelGenerator().apply(assignee().getValue()))
        .isEqualTo("Pat · pat@example.com");
  }

  private ComboBox<Assignee> assignee() {
    return ComponentTree.byId(dialog, "task-assignee");
  }

  private static Assignee assignee(UUID agentId, UUID userId) {
    return PEOPLE.assignees().stream()
        .filter(a -> agentId != null ? agentId.equals(a.agentId()) : userId.equals(a.userId()))
        .findFirst()
        .orElseThrow();
  }
}
