package io.protohive.ui.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.internal.CurrentInstance;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.plugin.ToolService.AvailableTool;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.CurrentRequest;
import io.protohive.ui.layout.ManagedBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalToolsSectionTest {

  private static final Caller ADMIN = new Caller(UUID.randomUUID(), UUID.randomUUID());
  private static final String ADDRESS = "203.0.113.7";

  private final RecordedApprovals approvals = new RecordedApprovals();
  private boolean managed;
  private final List<AvailableTool> enabled =
      new ArrayList<>(
          List.of(
              tool("clock.now", "Clock", false),
              tool("http.get", "HTTP GET", false),
              tool("http.post", "HTTP POST", true)));

  @BeforeEach
  void onAPage() {
    UI.setCurrent(new UI());
    CurrentRequest.from(ADDRESS);
  }

  @AfterEach
  void offThePage() {
    CurrentInstance.clearAll();
  }

  @Test
  void theEnabledToolsAreOfferedAndConsequentialOnesListedAsAlwaysHeld() {
    approvals.held = List.of("clock.now", "weather.today");

    ApprovalToolsSection section = section();

    MultiSelectComboBox<String> held = held(section);
    assertThat(held.getListDataView().getItems())
        .as("a held tool of a plugin since disabled, too")
        .containsExactly("clock.now", "http.get", "weather.today");
    assertThat(held.getValue()).containsExactlyInAnyOrder("clock.now", "weather.today");
    assertThat(held.getItemLabelGenerator().apply("clock.now")).isEqualTo("clock.now · Clock");
    assertThat(held.getItemLabelGenerator().apply("weather.today"))
        .isEqualTo("weather.today · not enabled for your tenant");
    Paragraph always = ComponentTree.byId(section, "approval-tools-always");
    assertThat(always.isVisible()).isTrue();
    assertThat(always.getText())
        .isEqualTo("Always held, as their plugins declare them consequential: http.post.");
  }

  @Test
  void withoutConsequentialToolsThereIsNothingAlwaysHeldToList() {
    enabled.removeIf(AvailableTool::consequential);

    ApprovalToolsSection section = section();

    assertThat(ComponentTree.<Paragraph>byId(section, "approval-tools-always").isVisible())
        .isFalse();
  }

  @Test
  void theChosenToolsAreSavedWithWhereTheAdminIs() {
    ApprovalToolsSection section = section();
    held(section).setValue(Set.of("http.get", "clock.now"));

    ComponentTree.<Button>byId(section, "approval-tools-save").click();

    assertThat(approvals.replaced).containsExactly(List.of("clock.now", "http.get"));
    assertThat(approvals.addresses).containsExactly(ADDRESS);
  }

  @Test
  void aRefusalShowsOnTheField() {
    approvals.refusal = Rejection.invalid("toolIds", "A tool id is like clock.now.");
    ApprovalToolsSection section = section();
    held(section).setValue(Set.of("clock.now"));

    ComponentTree.<Button>byId(section, "approval-tools-save").click();

    MultiSelectComboBox<String> held = held(section);
    assertThat(held.isInvalid()).isTrue();
    assertThat(held.getErrorMessage()).isEqualTo("A tool id is like clock.now.");
  }

  @Test
  void heldToolsTheTenantsFileManagesAreReadOnlyWithItsBadge() {
    managed = true;
    ApprovalToolsSection section = section();

    assertThat(ComponentTree.<ManagedBadge>byId(section, "approval-tools-managed").isVisible())
        .isTrue();
    assertThat(held(section).isReadOnly()).isTrue();
    assertThat(ComponentTree.<Button>byId(section, "approval-tools-save").isVisible()).isFalse();
  }

  @Test
  void heldToolsOfTheAdminsHaveNoBadge() {
    ApprovalToolsSection section = section();

    assertThat(ComponentTree.<ManagedBadge>byId(section, "approval-tools-managed").isVisible())
        .isFalse();
    assertThat(held(section).isReadOnly()).isFalse();
  }

  private ApprovalToolsSection section() {
    ApprovalToolsSection section =
        new ApprovalToolsSection(
            approvals,
            new ToolService() {
              @Override
              public List<AvailableTool> available(Caller caller) {
                return List.copyOf(enabled);
              }
            },
            new TenantsConfigItems() {
              @Override
              public boolean isManaged(UUID tenantId, String item) {
                return managed && item.equals(TenantsConfigItems.APPROVAL_TOOLS);
              }
            });
    section.show(ADMIN);
    return section;
  }

  private static MultiSelectComboBox<String> held(ApprovalToolsSection section) {
    return ComponentTree.byId(section, "approval-tools");
  }

  private static AvailableTool tool(String id, String name, boolean consequential) {
    return new AvailableTool(id, name, "", "{}", id.substring(0, id.indexOf('.')), consequential);
  }

  /** The tenant's held tools, recording what the section saves. */
  private static final class RecordedApprovals extends ToolApprovals {

    List<String> held = List.of();
    Rejection refusal;
    final List<List<String>> replaced = new ArrayList<>();
    final List<String> addresses = new ArrayList<>();

    @Override
    public List<String> held(Caller caller) {
      return held;
    }

    @Override
    public List<String> replace(Caller admin, List<String> toolIds, String address) {
      if (refusal != null) {
        throw refusal;
      }
      replaced.add(toolIds);
      addresses.add(address);
      held = toolIds;
      return held;
    }
  }
}
