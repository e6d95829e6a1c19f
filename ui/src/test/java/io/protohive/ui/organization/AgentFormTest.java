package io.protohive.ui.organization;

import static io.protohive.ui.organization.Agents.ADA;
import static io.protohive.ui.organization.Agents.LINUS;
import static io.protohive.ui.organization.Agents.MARGARET;
import static io.protohive.ui.organization.Agents.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.organization.AgentDraft;
import io.protohive.kernel.organization.AgentView;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.ui.ComponentTree;
import io.protohive.ui.llm.ModelChoice;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentFormTest {

  private static final ToolGroup CLOCK =
      new ToolGroup(
          "clock",
          "Clock",
          "Capabilities: none declared.",
          List.of(new ToolGroup.Option("clock.now", "Clock", "The time now", false)));
  private static final AgentOptions OPTIONS =
      new AgentOptions(
          new ReportingLines(STARTUP),
          List.of(CLOCK),
          ModelChoice.byId(
              List.of(
                  new AvailableProvider(
                      "scripted",
                      "Scripted",
                      "scripted-plugin",
                      List.of(new ModelInfo("scripted-1", ModelInfo.Kind.CHAT, 0))))),
          List.of(),
          List.of());

  @Test
  void aNewAgentUnderAManagerKeepsTheDefaultsOfWhatIsLeftEmpty() {
    AgentForm form = new AgentForm(OPTIONS, null);
    ComponentTree.<TextField>byId(form, "agent-name").setValue("Zoe");
    ComponentTree.<TextField>byId(form, "agent-role").setValue("Designer");
    ComponentTree.<ComboBox<AgentView>>byId(form, "agent-manager").setValue(MARGARET);

    AgentDraft draft = form.draft();

    assertThat(draft.name()).isEqualTo("Zoe");
    assertThat(draft.managerId()).isEqualTo(MARGARET.id());
    assertThat(draft.clearManager()).isFalse();
    assertThat(draft.providerId()).isNull();
    assertThat(draft.model()).isNull();
    assertThat(draft.maxSteps()).isNull();
    assertThat(draft.color()).isNull();
    assertThat(draft.tools()).isEmpty();
  }

  @Test
  void anAgentReportsToNoOneBelowItAndKeepsToolsTheTenantNoLongerEnables() {
    AgentForm form = new AgentForm(OPTIONS, LINUS);
    ComboBox<AgentView> manager = ComponentTree.byId(form, "agent-manager");
    CheckboxGroup<String> clock = ComponentTree.byId(form, "agent-tools-clock");
    CheckboxGroup<String> gone = ComponentTree.byId(form, "agent-tools-" + ToolChoice.GONE);

    assertThat(manager.getListDataView().getItems()).containsExactly(ADA, MARGARET);
    assertThat(manager.getValue()).isEqualTo(ADA);
    assertThat(clock.getListDataView().getItems()).containsExactly("clock.now");
    assertThat(clock.getValue()).containsExactly("clock.now");
    assertThat(gone.getListDataView().getItems()).containsExactly("http.get");
    assertThat(gone.getValue()).containsExactly("http.get");

    manager.clear();
    AgentDraft draft = form.draft();

    assertThat(draft.clearManager()).isTrue();
    assertThat(draft.tools()).containsExactlyInAnyOrder("clock.now", "http.get");
  }

  @Test
  void anMcpToolIsChosenByItsIdBesideThePluginTools() {
    ToolGroup mcp =
        new ToolGroup(
            ToolGroups.MCP,
            "MCP servers",
            "Tools of the MCP servers your tenant registered.",
            List.of(
                new ToolGroup.Option(
                    "mcp.everything.echo", "echo of everything", "Echoes", false)));
    AgentForm form =
        new AgentForm(
            new AgentOptions(
                OPTIONS.lines(), List.of(CLOCK, mcp), OPTIONS.providers(), List.of(), List.of()),
            null);

    ComponentTree.<CheckboxGroup<String>>byId(form, "agent-tools-" + ToolGroups.MCP)
        .setValue(Set.of("mcp.everything.echo"));
    ComponentTree.<CheckboxGroup<String>>byId(form, "agent-tools-clock")
        .setValue(Set.of("clock.now"));

    assertThat(form.draft().tools()).containsExactly("clock.now", "mcp.everything.echo");
  }

  @Test
  void anEmptiedModelAndTemperatureGoBackToTheDefaults() {
    AgentView withModel =
        new AgentView(
            ADA.id(),
            ADA.organizationId(),
            ADA.name(),
            ADA.role(),
            ADA.persona(),
            null,
            "scripted",
            "scripted-1",
            0.5,
            8,
            List.of(),
            ADA.color(),
            Instant.EPOCH,
            Instant.EPOCH);
    AgentForm form = new AgentForm(OPTIONS, withModel);
    ComboBox<String> provider = ComponentTree.byId(form, "agent-provider");
    assertThat(ComponentTree.<ComboBox<String>>byId(form, "agent-model").getValue())
        .isEqualTo("scripted-1");

    assertThat(form.draft().clearModel()).isFalse();
    assertThat(form.draft().clearTemperature()).isFalse();

    provider.clear();
    ComponentTree.<NumberField>byId(form, "agent-temperature").clear();
    AgentDraft draft = form.draft();

    assertThat(draft.clearModel()).isTrue();
    assertThat(draft.providerId()).isNull();
    assertThat(draft.clearTemperature()).isTrue();
    assertThat(draft.temperature()).isNull();
  }
}
