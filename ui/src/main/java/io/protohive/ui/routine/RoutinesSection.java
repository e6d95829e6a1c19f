package io.protohive.ui.routine;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.routine.RoutineDraft;
import io.protohive.kernel.routine.RoutineSecret;
import io.protohive.kernel.routine.RoutineView;
import io.protohive.kernel.routine.Routines;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An organization's routines, on its page and its task board: what each gives which agent and when,
 * with Run now for members and, for admins, a form for a new one and Pause / Resume.
 */
public final class RoutinesSection extends VerticalLayout {

  private final Routines routines;
  private final AgentService agents;
  private final Grid<RoutineView> grid = new Grid<>(RoutineView.class, false);
  private final HorizontalLayout form = new HorizontalLayout();
  private final Select<AgentView> agent = new Select<>();
  private final Paragraph secret = new Paragraph();
  private Map<UUID, String> agentNames = Map.of();
  private Caller caller;
  private OrganizationView organization;

  public RoutinesSection(Routines routines, AgentService agents) {
    this.routines = routines;
    this.agents = agents;
    grid.setId("routines");
    grid.addColumn(RoutineView::name).setHeader("Routine").setFlexGrow(2);
    grid.addColumn(r -> agentNames.getOrDefault(r.agentId(), "")).setHeader("Agent");
    grid.addColumn(r -> r.cron() == null ? "webhook or API only" : r.cron() + " " + r.timeZone())
        .setHeader("Schedule");
    grid.addColumn(r -> r.nextRunAt() == null ? "" : Dates.format(r.nextRunAt()))
        .setHeader("Next run");
    grid.addColumn(r -> r.lastRunAt() == null ? "" : Dates.format(r.lastRunAt()))
        .setHeader("Last run");
    grid.addColumn(r -> r.enabled() ? "on" : "paused").setHeader("State");
    grid.addComponentColumn(this::actions).setHeader("");
    grid.setAllRowsVisible(true);
    grid.setEmptyStateText(
        "No routines yet: give an agent recurring work, such as a weekly report on Mondays.");

    TextField name = new TextField("Name");
    name.setId("routine-name");
    agent.setId("routine-agent");
    agent.setLabel("Agent");
    agent.setItemLabelGenerator(AgentView::name);
    TextField title = new TextField("Task title");
    title.setId("routine-title");
    title.setPlaceholder("Weekly report {{date}}");
    TextField cron = new TextField("Cron schedule (UTC)");
    cron.setId("routine-cron");
    cron.setPlaceholder("0 9 * * 1");
    cron.setHelperText("Empty for webhook and API runs only");
    Button add = new Button("Add routine");
    add.setId("routine-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Map<String, HasValidation> fields =
        Map.of("name", name, "agentId", agent, "titleTemplate", title, "cron", cron);
    add.addClickListener(
        click -> {
          try {
            RoutineSecret created =
                routines.create(
                    caller,
                    organization.id(),
                    new RoutineDraft(
                        name.getValue(),
                        agent.getValue() == null ? null : agent.getValue().id(),
                        title.getValue(),
                        null,
                        cron.getValue(),
                        null,
                        true));
            secret.setText(
                "Inbound webhook of "
                    + created.routine().name()
                    + ": POST "
                    + created.triggerPath()
                    + ", signed with "
                    + created.secret()
                    + " (shown this once).");
            name.clear();
            title.clear();
            cron.clear();
            show(caller, organization);
          } catch (Rejection rejection) {
            // "Write 1 to 200 characters." says which field only next to it
            FieldErrors.show(rejection, fields, Notices::error);
          }
        });
    form.add(name, agent, title, cron, add);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    secret.setId("routine-secret");
    setPadding(false);
    add(new H3("Routines"), form, secret, grid);
  }

  /** Shows the organization's routines as they are now, to the caller. */
  public void show(Caller caller, OrganizationView organization) {
    this.caller = caller;
    this.organization = organization;
    List<AgentView> all = agents.list(caller, organization.id());
    agentNames = all.stream().collect(Collectors.toMap(AgentView::id, AgentView::name));
    agent.setItems(all);
    form.setVisible(admin());
    // the first routines; the API pages through the rest
    grid.setItems(routines.list(caller, organization.id(), Page.MAX_LIMIT, null).items());
  }

  private Component actions(RoutineView routine) {
    Button run =
        new Button(
            "Run now",
            click ->
                act(
                    () -> {
                      routines.run(caller, routine.id());
                      Notices.success("A task for " + routine.name() + " is on the board.");
                    }));
    run.setEnabled(routine.enabled());
    Button toggle =
        new Button(
            routine.enabled() ? "Pause" : "Resume",
            click ->
                act(
                    () ->
                        routines.update(
                            caller,
                            routine.id(),
                            new RoutineDraft(
                                null, null, null, null, null, null, !routine.enabled()))));
    toggle.setVisible(admin());
    run.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    return new HorizontalLayout(run, toggle);
  }

  private boolean admin() {
    return Permission.EDIT.grantedTo(organization.role());
  }

  /** Runs a change and shows the routines again, or why it was refused. */
  private void act(Runnable change) {
    try {
      change.run();
      show(caller, organization);
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }
}
