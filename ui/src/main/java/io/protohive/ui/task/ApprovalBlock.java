package io.protohive.ui.task;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.task.ApprovalDecision;
import io.protohive.kernel.task.ApprovalView;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An agent's action held until a person decides: the tool and the arguments the agent gave. Those
 * who may decide can run it with arguments they corrected, or refuse it, with a note the agent
 * reads either way; the agent's own arguments stay in view while they edit.
 */
final class ApprovalBlock extends Div {

  private final ApprovalView approval;
  private final BiConsumer<ApprovalView, ApprovalDecision> decide;
  private final TextArea arguments = new TextArea("Arguments to run with");
  private final TextField note = new TextField("Note to the agent");

  /**
   * @param mayDecide whether the person is an admin or owner of the organization
   * @param decide hands the decision to the platform; may throw its {@link Rejection}
   */
  ApprovalBlock(
      ApprovalView approval,
      String agentName,
      boolean mayDecide,
      BiConsumer<ApprovalView, ApprovalDecision> decide) {
    this.approval = approval;
    this.decide = decide;
    addClassName("approval");
    getElement().setAttribute("data-approval-id", approval.id().toString());
    addClassNames(
        LumoUtility.Padding.SMALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Background.CONTRAST_5);
    getStyle().set("border-left", "4px solid var(--lumo-warning-color, #e8a317)");

    Span tool = new Span(approval.toolId());
    tool.addClassNames("approval-tool", LumoUtility.FontWeight.SEMIBOLD);
    Pre asked = new Pre(approval.arguments());
    asked.addClassName("approval-arguments");
    asked.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    add(new Div(new Span(agentName + " wants to run "), tool), asked);

    if (!mayDecide) {
      Span waiting = new Span("An admin or owner of the organization decides.");
      waiting.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
      add(waiting);
      return;
    }
    arguments.addClassName("approval-edited-arguments");
    arguments.setValue(approval.arguments());
    arguments.setWidthFull();
    arguments.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
    note.addClassName("approval-note");
    note.setWidthFull();
    Button approve = new Button("Approve", click -> decide(true));
    approve.addClassName("approval-approve");
    approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
    Button reject = new Button("Reject", click -> decide(false));
    reject.addClassName("approval-reject");
    reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
    add(arguments, note, new HorizontalLayout(approve, reject));
  }

  /** The decision as filled in: edited arguments only when the person changed them. */
  ApprovalDecision decision(boolean approve) {
    String edited = arguments.getValue().strip();
    return new ApprovalDecision(
        approve,
        approve && !edited.equals(approval.arguments().strip()) ? edited : null,
        note.getValue().isBlank() ? null : note.getValue().strip());
  }

  private void decide(boolean approve) {
    try {
      decide.accept(approval, decision(approve));
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("arguments", arguments, "note", note), Notices::error);
    }
  }
}
