package io.protohive.ui.task;

import static io.protohive.ui.task.Tasks.ADA;
import static io.protohive.ui.task.Tasks.ME;
import static io.protohive.ui.task.Tasks.PEOPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.task.ApprovalView;
import io.protohive.kernel.task.CommentView;
import io.protohive.kernel.task.TaskChange;
import io.protohive.kernel.task.TaskDetails;
import io.protohive.kernel.task.TaskPriority;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskStatus;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.TestJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskDetailDialogTest {

  private static final Caller CALLER = new Caller(ME, UUID.randomUUID());

  private final TaskView launch = Tasks.task("Launch", TaskStatus.TODO, TaskPriority.HIGH);
  private final TaskView post =
      Tasks.task("Write the post", TaskStatus.BACKLOG, TaskPriority.LOW, launch, Instant.EPOCH);
  private final RecordedTasks tasks = new RecordedTasks();
  private int boardRefreshes;

  @Test
  void theTaskShowsWithItsSubtasksAndItsCommentsOldestFirstAsPlainText() {
    tasks.comments.add(comment("USER", ME, "<b>Looks good</b>"));
    tasks.comments.add(comment("AGENT", ADA.id(), "Done.\nSee the draft."));
    tasks.comments.add(comment("SYSTEM", null, "Approved: http.post"));

    TaskDetailDialog dialog = dialog(true);

    assertThat(dialog.getId()).contains("task-detail");
    assertThat(dialog.getHeaderTitle()).isEqualTo("Launch");
    assertThat(ComponentTree.<Select<TaskStatus>>byId(dialog, "task-status").getValue())
        .isEqualTo(TaskStatus.TODO);
    assertThat(ComponentsByClass.text(dialog, "task-subtask"))
        .contains("Backlog", "Write the post");
    List<Component> comments = ComponentsByClass.all(dialog, "task-comment-item");
    assertThat(comments)
        .extracting(c -> ComponentsByClass.text(c, "task-comment-author"))
        .containsExactly("You", "Ada", "ProtoHive");
    Component first = ComponentsByClass.first(comments.get(0), "task-comment-text");
    assertThat(first.getElement().getText()).isEqualTo("<b>Looks good</b>");
    assertThat(first.getElement().getChildren())
        .as("no markup made of it")
        .allMatch(Element::isTextNode);
    assertThat(dialog.concerns(launch.id())).isTrue();
    assertThat(dialog.concerns(post.id())).as("its subtask").isTrue();
    assertThat(dialog.concerns(UUID.randomUUID())).isFalse();
  }

  @Test
  void onlyPendingApprovalsWaitForADecision() {
    tasks.approvals.add(approval("PENDING"));
    tasks.approvals.add(approval("APPROVED"));

    TaskDetailDialog admins = dialog(true);
    TaskDetailDialog members = dialog(false);

    assertThat(ComponentsByClass.all(admins, "approval")).hasSize(1);
    assertThat(ComponentsByClass.all(admins, "approval-approve")).hasSize(1);
    assertThat(ComponentsByClass.all(members, "approval")).hasSize(1);
    assertThat(ComponentsByClass.all(members, "approval-approve")).isEmpty();
  }

  @Test
  void aPersonMovesAndReassignsTheTask() {
    TaskDetailDialog dialog = dialog(false);
    ComboBox<Assignee> assignee = ComponentTree.byId(dialog, "task-detail-assignee");

    ComponentTree.<Select<TaskStatus>>byId(dialog, "task-status").setValue(TaskStatus.IN_PROGRESS);
    assignee.setValue(PEOPLE.assignees().get(0));
    assignee.clear();

    assertThat(tasks.changes)
        .extracting(TaskChange::status, TaskChange::assigneeAgentId, TaskChange::clearAssignee)
        .containsExactly(
            tuple(TaskStatus.IN_PROGRESS, null, null),
            tuple(null, ADA.id(), null),
            tuple(null, null, true));
    assertThat(boardRefreshes).isEqualTo(3);
  }

  @Test
  void aCommentIsPostedAndWhatIsBeingTypedSurvivesALiveRefresh() {
    TaskDetailDialog dialog = dialog(true);
    TextArea comment = ComponentTree.byId(dialog, "task-comment");
    comment.setValue("Ship it");
    ComponentTree.<Button>byId(dialog, "task-comment-send").click();

    assertThat(tasks.posted).containsExactly("Ship it");
    assertThat(comment.getValue()).isEmpty();
    assertThat(ComponentsByClass.all(dialog, "task-comment-item")).hasSize(1);

    tasks.approvals.add(approval("PENDING"));
    dialog.refresh();
    comment.setValue("Half-written thought");
    TextArea arguments = (TextArea) ComponentsByClass.first(dialog, "approval-edited-arguments");
    arguments.setValue("{\"url\":\"https://example.com/other\"}");
    tasks.comments.add(comment("AGENT", ADA.id(), "On it."));
    dialog.refresh();

    assertThat(ComponentsByClass.all(dialog, "task-comment-item")).hasSize(2);
    assertThat(comment.getValue()).isEqualTo("Half-written thought");
    assertThat(ComponentsByClass.first(dialog, "approval-edited-arguments")).isSameAs(arguments);
    assertThat(arguments.getValue()).isEqualTo("{\"url\":\"https://example.com/other\"}");
  }

  @Test
  void theAgentsWorkShowsOnceStartedAndStaysOpenAcrossLiveRefreshes() {
    TaskDetailDialog dialog = dialog(true);
    WorkLog work = ComponentTree.byId(dialog, "task-work");
    assertThat(work.isVisible()).as("nothing done yet").isFalse();

    tasks.work =
        TestJson.array(
            "[{\"contents\":[{\"text\":\"Launch\",\"type\":\"TEXT\"}],\"type\":\"USER\"}]");
    dialog.refresh();
    work.setOpened(true);
    tasks.work =
        TestJson.array(
            "[{\"contents\":[{\"text\":\"Launch\",\"type\":\"TEXT\"}],\"type\":\"USER\"},"
                + "{\"text\":\"Launched.\",\"type\":\"AI\"}]");
    dialog.refresh();

    assertThat(work.isVisible()).isTrue();
    assertThat(work.isOpened()).isTrue();
    assertThat(ComponentsByClass.all(dialog, "work-step"))
        .extracting(step -> step.getElement().getAttribute("data-type"))
        .containsExactly("USER", "AI");
  }

  private TaskDetailDialog dialog(boolean mayDecide) {
    return new TaskDetailDialog(
        tasks, CALLER, PEOPLE, mayDecide, launch.id(), () -> boardRefreshes++);
  }

  private CommentView comment(String kind, UUID author, String content) {
    return new CommentView(UUID.randomUUID(), launch.id(), kind, author, content, Instant.EPOCH);
  }

  private ApprovalView approval(String status) {
    return new ApprovalView(
        UUID.randomUUID(),
        launch.id(),
        ADA.id(),
        "http.post",
        "{\"url\":\"https://example.com\"}",
        status,
        null,
        null,
        null,
        Instant.EPOCH);
  }

  /** The platform's tasks for one task and its subtask, recording what the dialog asks of them. */
  private final class RecordedTasks extends TaskService {

    final List<CommentView> comments = new ArrayList<>();
    final List<ApprovalView> approvals = new ArrayList<>();
    final List<TaskChange> changes = new ArrayList<>();
    final List<String> posted = new ArrayList<>();
    JsonArray work = JsonValue.EMPTY_JSON_ARRAY;
    private TaskView current = launch;

    @Override
    public TaskDetails get(Caller caller, UUID taskId) {
      return new TaskDetails(
          current, List.of(post), List.copyOf(comments), List.copyOf(approvals), work);
    }

    @Override
    public TaskView update(Caller caller, UUID taskId, TaskChange change) {
      changes.add(change);
      boolean cleared = Boolean.TRUE.equals(change.clearAssignee());
      boolean reassigned = change.assigneeAgentId() != null || change.assigneeUserId() != null;
      current =
          new TaskView(
              current.id(),
              current.organizationId(),
              current.parentId(),
              current.title(),
              current.description(),
              change.status() == null ? current.status() : change.status(),
              current.priority(),
              cleared ? null : reassigned ? change.assigneeAgentId() : current.assigneeAgentId(),
              cleared ? null : reassigned ? change.assigneeUserId() : current.assigneeUserId(),
              current.reporterKind(),
              current.reporterId(),
              current.dueAt(),
              current.result(),
              current.createdAt(),
              current.updatedAt());
      return current;
    }

    @Override
    public CommentView comment(Caller caller, UUID taskId, String content) {
      posted.add(content);
      CommentView comment = TaskDetailDialogTest.this.comment("USER", ME, content);
      comments.add(comment);
      return comment;
    }
  }
}
