package io.protohive.ui.task;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.ApprovalDecision;
import io.protohive.kernel.task.ApprovalView;
import io.protohive.kernel.task.TaskChange;
import io.protohive.kernel.task.TaskDetails;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One task in full: where it stands and who has it, both changeable, what it asks and what came of
 * it, its subtasks, the agent actions waiting for a person's approval, the agent's work so far, and
 * its comments with a box for the next. The board refreshes it as the task's events arrive; what a
 * person is typing here (a comment, edited arguments, a note) survives those refreshes.
 */
final class TaskDetailDialog extends Dialog {

  private static final String PENDING = "PENDING";

  private final TaskService tasks;
  private final Caller caller;
  private final TaskPeople people;
  private final boolean mayDecide;
  private final Runnable changed;
  private final Select<TaskStatus> status = new Select<>();
  private final ComboBox<Assignee> assignee = new ComboBox<>("Assignee");
  private final Button parent = new Button("Open the task this is part of");
  private final Div facts = new Div();
  private final Div description = new Div();
  private final Div result = new Div();
  private final VerticalLayout subtasks = new VerticalLayout();
  private final VerticalLayout approvals = new VerticalLayout();
  private final Div resultSection = section("Result", result);
  private final Div subtaskSection = section("Subtasks", subtasks);
  private final Div approvalSection = section("Agent actions waiting for approval", approvals);
  private final Map<UUID, ApprovalBlock> approvalBlocks = new LinkedHashMap<>();
  private final WorkLog work = new WorkLog();
  private final VerticalLayout comments = new VerticalLayout();
  private final TextArea comment = new TextArea();
  private TaskDetails details;

  /**
   * @param mayDecide whether the person is an admin or owner, who decide on approvals
   * @param changed what to do after the person changed the task here
   * @throws Rejection when the task is not there for the caller
   */
  TaskDetailDialog(
      TaskService tasks,
      Caller caller,
      TaskPeople people,
      boolean mayDecide,
      UUID taskId,
      Runnable changed) {
    this.tasks = tasks;
    this.caller = caller;
    this.people = people;
    this.mayDecide = mayDecide;
    this.changed = changed;
    setId("task-detail");
    setWidth("46em");

    status.setId("task-status");
    status.setLabel("Status");
    status.setItems(TaskStatus.values());
    status.setItemLabelGenerator(TaskStatuses::label);
    // only an agent's held action puts a task there
    status.setItemEnabledProvider(s -> s != TaskStatus.WAITING_FOR_APPROVAL);
    status.addValueChangeListener(
        change -> {
          if (change.getValue() != null && change.getValue() != task().status()) {
            update(
                new TaskChange(null, null, change.getValue(), null, null, null, null, null, null));
          }
        });
    assignee.setId("task-detail-assignee");
    assignee.setItems(people.assignees());
    assignee.setItemLabelGenerator(Assignee::label);
    assignee.setClearButtonVisible(true);
    assignee.setPlaceholder("Nobody");
    assignee.setWidth("20em");
    assignee.addValueChangeListener(
        change -> {
          if (!Objects.equals(change.getValue(), people.assigneeOf(task()).orElse(null))) {
            update(reassign(change.getValue()));
          }
        });
    parent.setId("task-parent-open");
    parent.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    parent.addClickListener(click -> showOther(task().parentId()));
    HorizontalLayout standing = new HorizontalLayout(status, assignee);
    standing.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    facts.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    facts.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
    description.setId("task-detail-description");
    description.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    result.setId("task-result");
    result.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    for (VerticalLayout list : List.of(subtasks, approvals, comments)) {
      list.setPadding(false);
      list.setSpacing(true);
    }
    subtasks.setId("task-subtasks");
    approvals.setId("task-approvals");
    comments.setId("task-comments");

    comment.setId("task-comment");
    comment.setPlaceholder("Write a comment. Ctrl+Enter sends.");
    comment.setWidthFull();
    comment.setMaxHeight("10em");
    Button send = new Button("Comment", click -> comment());
    send.setId("task-comment-send");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(comment);
    HorizontalLayout composer = new HorizontalLayout(comment, send);
    composer.setWidthFull();
    composer.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);

    VerticalLayout content =
        new VerticalLayout(
            parent,
            standing,
            facts,
            description,
            resultSection,
            subtaskSection,
            approvalSection,
            work,
            new H4("Comments"),
            comments,
            composer);
    content.setPadding(false);
    add(content);
    getFooter().add(new Button("Close", click -> close()));

    show(taskId);
  }

  /** Whether an event about this task changes what the dialog shows. */
  boolean concerns(UUID taskId) {
    return task().id().equals(taskId)
        || details.subtasks().stream().anyMatch(sub -> sub.id().equals(taskId));
  }

  /** Shows the task as it is now; closes the dialog when the task is no longer there to see. */
  void refresh() {
    try {
      show(task().id());
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
      close();
    }
  }

  private TaskView task() {
    return details.task();
  }

  private void show(UUID taskId) {
    TaskDetails shown = tasks.get(caller, taskId);
    if (details != null && !details.task().id().equals(taskId)) {
      approvalBlocks.clear();
      comment.clear();
      work.setOpened(false);
    }
    details = shown;
    TaskView task = shown.task();
    setHeaderTitle(task.title());
    parent.setVisible(task.parentId() != null);
    status.setValue(task.status());
    assignee.setValue(people.assigneeOf(task).orElse(null));

    facts.removeAll();
    facts.add(new PriorityBadge(task.priority()));
    if (task.dueAt() != null) {
      facts.add(new Span("Due " + TaskCard.dueDate(task)));
    }
    facts.add(new Span("Reporter: " + people.name(task.reporterKind(), task.reporterId())));
    facts.add(new Span("Created " + Dates.format(task.createdAt())));
    description.setText(
        task.description() == null || task.description().isBlank()
            ? "No description."
            : task.description());
    result.setText(task.result() == null ? "" : task.result());
    resultSection.setVisible(task.result() != null);

    subtasks.removeAll();
    shown.subtasks().forEach(sub -> subtasks.add(subtask(sub)));
    subtaskSection.setVisible(!shown.subtasks().isEmpty());
    showApprovals(shown.approvals());
    work.show(shown.work());
    comments.removeAll();
    shown
        .comments()
        .forEach(c -> comments.add(new CommentItem(c, people.name(c.authorKind(), c.authorId()))));
    if (shown.comments().isEmpty()) {
      comments.add(secondary("No comments yet."));
    }
  }

  /** Keeps the blocks of approvals still pending, so that what a person typed there stays. */
  private void showApprovals(List<ApprovalView> all) {
    List<ApprovalView> pending = all.stream().filter(a -> PENDING.equals(a.status())).toList();
    Set<UUID> pendingIds = pending.stream().map(ApprovalView::id).collect(Collectors.toSet());
    approvalBlocks.keySet().retainAll(pendingIds);
    approvals.removeAll();
    pending.forEach(
        approval ->
            approvals.add(
                approvalBlocks.computeIfAbsent(
                    approval.id(),
                    id ->
                        new ApprovalBlock(
                            approval,
                            people.agentName(approval.agentId()),
                            mayDecide,
                            this::decide))));
    approvalSection.setVisible(!pending.isEmpty());
  }

  private HorizontalLayout subtask(TaskView sub) {
    Span state = new Span(TaskStatuses.label(sub.status()));
    state.getElement().setAttribute("theme", "badge contrast small");
    Button open = new Button(sub.title(), click -> showOther(sub.id()));
    open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout row = new HorizontalLayout(state, open);
    row.addClassName("task-subtask");
    row.getElement().setAttribute("data-task-id", sub.id().toString());
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return row;
  }

  private void showOther(UUID taskId) {
    try {
      show(taskId);
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private TaskChange reassign(Assignee chosen) {
    return chosen == null
        ? new TaskChange(null, null, null, null, null, null, true, null, null)
        : new TaskChange(
            null, null, null, null, chosen.agentId(), chosen.userId(), null, null, null);
  }

  private void update(TaskChange change) {
    try {
      tasks.update(caller, task().id(), change);
      changed.run();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
    refresh();
  }

  private void comment() {
    try {
      tasks.comment(caller, task().id(), comment.getValue());
      comment.clear();
      comment.setInvalid(false);
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("content", comment), Notices::error);
      return;
    }
    refresh();
  }

  /** Hands a decision to the platform; a refusal goes back to the block that asked. */
  private void decide(ApprovalView approval, ApprovalDecision decision) {
    tasks.decide(caller, approval.id(), decision, ClientAddress.current());
    Notices.success(
        Boolean.TRUE.equals(decision.approve())
            ? "Approved: " + people.agentName(approval.agentId()) + " goes on."
            : "Rejected: " + people.agentName(approval.agentId()) + " reads your note.");
    changed.run();
    refresh();
  }

  private static Div section(String heading, Component body) {
    return new Div(new H4(heading), body);
  }

  private static Span secondary(String text) {
    Span span = new Span(text);
    span.addClassNames(LumoUtility.TextColor.SECONDARY);
    return span;
  }
}
