package io.protohive.ui.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.TaskDraft;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A new task of the organization. Given to an agent, it goes to the agent's to-do list and the
 * agent starts on it; without an assignee it waits in the backlog.
 */
final class NewTaskDialog extends Dialog {

  private final TaskService tasks;
  private final Caller caller;
  private final UUID organizationId;
  private final Consumer<TaskView> created;
  private final TextField title = new TextField("Title");
  private final TextArea description = new TextArea("Description");
  private final Select<TaskPriority> priority = new Select<>();
  private final ComboBox<Assignee> assignee = new ComboBox<>("Assignee");
  private final DatePicker due = new DatePicker("Due");

  /**
   * @param created what to do once the platform took the task
   */
  NewTaskDialog(
      TaskService tasks,
      Caller caller,
      UUID organizationId,
      TaskPeople people,
      Consumer<TaskView> created) {
    this.tasks = tasks;
    this.caller = caller;
    this.organizationId = organizationId;
    this.created = created;
    setHeaderTitle("New task");
    setWidth("36em");

    title.setId("task-title");
    title.setRequired(true);
    description.setId("task-description");
    description.setMaxHeight("14em");
    priority.setId("task-priority");
    priority.setLabel("Priority");
    priority.setItems(TaskPriority.values());
    priority.setItemLabelGenerator(PriorityBadge::label);
    priority.setValue(TaskPriority.MEDIUM);
    assignee.setId("task-assignee");
    assignee.setItems(people.assignees());
    assignee.setItemLabelGenerator(Assignee::label);
    assignee.setClearButtonVisible(true);
    assignee.setPlaceholder("Nobody yet");
    assignee.setHelperText("An agent starts on its tasks by itself.");
    due.setId("task-due");
    due.setClearButtonVisible(true);
    due.setHelperText("By the end of the day, UTC");

    FormLayout form = new FormLayout(title, description, priority, due, assignee);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2));
    form.setColspan(title, 2);
    form.setColspan(description, 2);
    form.setColspan(assignee, 2);
    add(form);

    Button cancel = new Button("Cancel", click -> close());
    Button create = new Button("Create", click -> create());
    create.setId("task-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(cancel, create);
  }

  /** The task as filled in; the platform decides the status from whether it has an assignee. */
  TaskDraft draft() {
    Assignee chosen = assignee.getValue();
    return new TaskDraft(
        title.getValue(),
        description.getValue(),
        null,
        priority.getValue(),
        chosen == null ? null : chosen.agentId(),
        chosen == null ? null : chosen.userId(),
        null,
        due.isEmpty() ? null : endOfDay(due.getValue()));
  }

  private void create() {
    try {
      TaskView task = tasks.create(caller, organizationId, draft());
      Notices.success("Created " + task.title() + ".");
      close();
      created.accept(task);
    } catch (Rejection rejection) {
      FieldErrors.show(
          rejection,
          Map.of(
              "title", title,
              "description", description,
              "priority", priority,
              "assigneeAgentId", assignee,
              "assigneeUserId", assignee,
              "dueAt", due),
          Notices::error);
    }
  }

  private static Instant endOfDay(LocalDate day) {
    return day.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
  }
}
