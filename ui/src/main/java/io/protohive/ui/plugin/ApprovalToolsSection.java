package io.protohive.ui.plugin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.ManagedBadge;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tools a tenant admin holds for a person's approval when an agent calls them in task work.
 * Consequential tools are held whatever is chosen here, as their plugins declare that they change
 * something outside, so they are listed instead of offered. A held tool whose plugin is no longer
 * enabled stays offered, so that saving does not drop it unseen.
 */
final class ApprovalToolsSection extends VerticalLayout {

  private final ToolApprovals approvals;
  private final ToolService tools;
  private final TenantsConfigItems items;
  private final ManagedBadge managed = new ManagedBadge();
  private final Button save = new Button("Save", click -> save());
  private final MultiSelectComboBox<String> held = new MultiSelectComboBox<>("Held tools");
  private final Paragraph alwaysHeld = new Paragraph();
  private Map<String, AvailableTool> available = Map.of();
  private Caller caller;

  ApprovalToolsSection(ToolApprovals approvals, ToolService tools, TenantsConfigItems items) {
    this.approvals = approvals;
    this.tools = tools;
    this.items = items;
    setPadding(false);

    held.setId("approval-tools");
    held.setItemLabelGenerator(this::label);
    held.setPlaceholder("None");
    held.setWidthFull();
    held.setMaxWidth("48em");
    alwaysHeld.setId("approval-tools-always");
    alwaysHeld.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    managed.setId("approval-tools-managed");
    save.setId("approval-tools-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    add(
        new H3("Tools that wait for approval in task work"),
        managed,
        new Paragraph(
            "When an agent working on a task calls one of these tools, the task waits until an"
                + " admin or owner of the organization approves the call."),
        held,
        alwaysHeld,
        save);
  }

  /**
   * Shows the tools as they are now: which the tenant's enabled plugins offer, and which are held.
   * What was chosen here and not saved is dropped.
   */
  void show(Caller caller) {
    this.caller = caller;
    available =
        tools.available(caller).stream()
            .collect(Collectors.toMap(AvailableTool::id, Function.identity(), (a, b) -> a));
    List<String> chosen = approvals.held(caller);
    held.setItems(
        Stream.concat(
                available.values().stream().filter(t -> !t.consequential()).map(AvailableTool::id),
                chosen.stream())
            .distinct()
            .sorted()
            .toList());
    held.setValue(chosen);
    held.setInvalid(false);
    boolean fromFile = items.isManaged(caller.tenantId(), TenantsConfigItems.APPROVAL_TOOLS);
    managed.setVisible(fromFile);
    held.setReadOnly(fromFile);
    save.setVisible(!fromFile);

    List<String> consequential =
        available.values().stream()
            .filter(AvailableTool::consequential)
            .map(AvailableTool::id)
            .sorted()
            .toList();
    alwaysHeld.setText(
        "Always held, as their plugins declare them consequential: "
            + String.join(", ", consequential)
            + ".");
    alwaysHeld.setVisible(!consequential.isEmpty());
  }

  /** The tools chosen to be held, in the order the platform keeps them. */
  List<String> chosen() {
    return held.getValue().stream().sorted().toList();
  }

  private String label(String toolId) {
    AvailableTool tool = available.get(toolId);
    return toolId + " · " + (tool == null ? "not enabled for your tenant" : tool.name());
  }

  private void save() {
    try {
      List<String> saved = approvals.replace(caller, chosen(), ClientAddress.current());
      held.setInvalid(false);
      Notices.success(
          saved.isEmpty()
              ? "Only consequential tools wait for approval now."
              : "These tools wait for approval now: " + String.join(", ", saved) + ".");
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("toolIds", held), Notices::error);
    }
  }
}
