package io.protohive.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.ApprovalDecision;
import io.protohive.kernel.task.ApprovalView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApprovalBlockTest {

  private static final String ARGUMENTS = "{\"url\":\"https://example.com/launch\"}";
  private static final ApprovalView APPROVAL =
      new ApprovalView(
          UUID.randomUUID(),
          UUID.randomUUID(),
          Tasks.ADA.id(),
          "http.post",
          ARGUMENTS,
          "PENDING",
          null,
          null,
          null,
          Instant.EPOCH);

  private final List<ApprovalDecision> decisions = new ArrayList<>();

  @Test
  void approvingAsTheAgentAskedKeepsItsArguments() {
    ApprovalBlock block = block(true);

    button(block, "approval-approve").click();

    assertThat(decisions).containsExactly(new ApprovalDecision(true, null, null));
    assertThat(ComponentsByClass.text(block, "approval-arguments")).isEqualTo(ARGUMENTS);
    assertThat(ComponentsByClass.text(block, "approval-tool")).isEqualTo("http.post");
  }

  @Test
  void approvingWithCorrectedArgumentsSendsThemWithTheNote() {
    ApprovalBlock block = block(true);
    String corrected = "{\"url\":\"https://example.com/launch-post\"}";
    arguments(block).setValue(corrected);
    note(block).setValue("  The post, not the page.  ");

    button(block, "approval-approve").click();

    assertThat(decisions)
        .containsExactly(new ApprovalDecision(true, corrected, "The post, not the page."));
  }

  @Test
  void aRejectionSendsOnlyTheNote() {
    ApprovalBlock block = block(true);
    arguments(block).setValue("{}");
    note(block).setValue("Not before Monday.");

    button(block, "approval-reject").click();

    assertThat(decisions).containsExactly(new ApprovalDecision(false, null, "Not before Monday."));
  }

  @Test
  void aRefusalShowsOnTheFieldItIsAbout() {
    ApprovalBlock block =
        new ApprovalBlock(
            APPROVAL,
            "Ada",
            true,
            (approval, decision) -> {
              throw Rejection.invalid("arguments", "The arguments are a JSON object.");
            });
    TextArea arguments = arguments(block);
    arguments.setValue("not json");

    button(block, "approval-approve").click();

    assertThat(arguments.isInvalid()).isTrue();
    assertThat(arguments.getErrorMessage()).isEqualTo("The arguments are a JSON object.");
  }

  @Test
  void onlyAdminsAndOwnersMayDecide() {
    ApprovalBlock block = block(false);

    assertThat(ComponentsByClass.all(block, "approval-approve")).isEmpty();
    assertThat(ComponentsByClass.all(block, "approval-reject")).isEmpty();
    assertThat(block.getElement().getTextRecursively())
        .contains("Ada wants to run http.post", "An admin or owner of the organization decides.");
  }

  private ApprovalBlock block(boolean mayDecide) {
    return new ApprovalBlock(
        APPROVAL, "Ada", mayDecide, (approval, decision) -> decisions.add(decision));
  }

  private static Button button(Component block, String className) {
    return (Button) ComponentsByClass.first(block, className);
  }

  private static TextArea arguments(Component block) {
    return (TextArea) ComponentsByClass.first(block, "approval-edited-arguments");
  }

  private static TextField note(Component block) {
    return (TextField) ComponentsByClass.first(block, "approval-note");
  }
}
