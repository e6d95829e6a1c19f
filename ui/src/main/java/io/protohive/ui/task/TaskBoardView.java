package io.protohive.ui.task;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.routine.Routines;
import io.protohive.kernel.task.TaskEvent;
import io.protohive.kernel.task.TaskEvents;
import io.protohive.kernel.task.TaskService;
import io.protohive.kernel.task.TaskView;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.organization.OrganizationDetailView;
import io.protohive.ui.organization.OrganizationsView;
import io.protohive.ui.routine.RoutinesSection;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An organization's tasks on a board, a column per status, kept current by server push: the view
 * subscribes to the organization's task events while it is on a page, from every node, and reads
 * the board again on each. A task opens in a dialog that follows its events too.
 */
@Route(
    value = "organizations/:" + TaskBoardView.ORGANIZATION_ID + "/tasks",
    layout = MainLayout.class)
public class TaskBoardView extends VerticalLayout implements SignedInOnly, HasDynamicTitle {

  public static final String ORGANIZATION_ID = "organizationId";

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final TaskService tasks;
  private final TaskEvents events;
  private final AgentService agents;
  private final OrganizationService organizations;
  private final RouterLink organizationLink = new RouterLink();
  private final TaskBoard board = new TaskBoard(this::open);
  private final RoutinesSection routines;
  private OrganizationView organization;
  private TaskPeople people;
  private TaskDetailDialog detail;
  private AutoCloseable subscription;

  @Inject
  public TaskBoardView(
      TaskService tasks,
      TaskEvents events,
      AgentService agents,
      OrganizationService organizations,
      Routines routines) {
    this.tasks = tasks;
    this.events = events;
    this.agents = agents;
    this.organizations = organizations;
    this.routines = new RoutinesSection(routines, agents);
    setSizeFull();

    H2 title = new H2("Tasks");
    title.getStyle().set("margin", "0");
    Button create = new Button("New task", VaadinIcon.PLUS.create(), click -> create());
    create.setId("task-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Checkbox cancelled = new Checkbox("Show cancelled tasks");
    cancelled.setId("task-show-cancelled");
    cancelled.addValueChangeListener(change -> board.showCancelled(change.getValue()));
    HorizontalLayout heading = new HorizontalLayout(title, create, cancelled);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    add(organizationLink, heading, board, this.routines);
    setFlexGrow(1, board);
  }

  /** The route parameters that open an organization's board here. */
  public static RouteParameters parameters(UUID organizationId) {
    return new RouteParameters(ORGANIZATION_ID, organizationId.toString());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (caller == null) {
      return;
    }
    try {
      UUID id = UUID.fromString(event.getRouteParameters().get(ORGANIZATION_ID).orElse(""));
      if (organization == null || !organization.id().equals(id)) {
        show(id);
      }
    } catch (IllegalArgumentException | Rejection notFound) {
      event.forwardTo(OrganizationsView.class);
    }
  }

  @Override
  public String getPageTitle() {
    return "Tasks" + (organization == null ? "" : " · " + organization.name()) + " · ProtoHive";
  }

  @Override
  protected void onAttach(AttachEvent attachEvent) {
    super.onAttach(attachEvent);
    subscribe(attachEvent.getUI());
  }

  @Override
  protected void onDetach(DetachEvent detachEvent) {
    unsubscribe();
    super.onDetach(detachEvent);
  }

  /** Shows an organization's board; the view stays on the page when a person goes to another. */
  private void show(UUID organizationId) {
    OrganizationView shown = organizations.get(caller, organizationId);
    unsubscribe();
    organization = shown;
    organizationLink.setText("← " + shown.name());
    routines.show(caller, shown);
    organizationLink.setRoute(
        OrganizationDetailView.class, new RouteParameters("id", shown.id().toString()));
    refresh();
    getUI().ifPresent(this::subscribe);
  }

  /**
   * Reads the board again, with the people on it, who may have changed as well.
   *
   * @return the tasks now on the board
   */
  private List<TaskView> refresh() {
    people =
        new TaskPeople(
            agents.list(caller, organization.id()),
            organizations.members(caller, organization.id()),
            caller.userId());
    List<TaskView> shown = tasks.board(caller, organization.id());
    board.show(shown, people);
    return shown;
  }

  /**
   * Takes the organization's task events. They arrive on another thread; the board changes under
   * the session's lock, and push sends the change.
   */
  private void subscribe(UI ui) {
    if (subscription != null || organization == null) {
      return;
    }
    subscription =
        events.subscribe(
            caller,
            organization.id(),
            ui.accessLater(
                (TaskEvent event) -> changed(event),
                () -> {
                  // the page has gone: nothing to show the event on
                }));
  }

  private void unsubscribe() {
    if (subscription == null) {
      return;
    }
    try {
      subscription.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not end the subscription", e);
    } finally {
      subscription = null;
    }
  }

  private void changed(TaskEvent event) {
    List<TaskView> shown;
    try {
      shown = refresh();
    } catch (Rejection rejection) {
      // the person has lost access to the organization meanwhile
      Notices.error(rejection.getMessage());
      unsubscribe();
      return;
    }
    if (detail == null) {
      return;
    }
    // a new subtask of the open task is news to the dialog too
    UUID parentId =
        shown.stream()
            .filter(task -> task.id().equals(event.taskId()))
            .map(TaskView::parentId)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (detail.concerns(event.taskId()) || (parentId != null && detail.concerns(parentId))) {
      detail.refresh();
    }
  }

  private void create() {
    new NewTaskDialog(tasks, caller, organization.id(), people, created -> refreshOrTell()).open();
  }

  private void open(TaskView task) {
    try {
      TaskDetailDialog opened =
          new TaskDetailDialog(
              tasks,
              caller,
              people,
              Permission.EDIT.grantedTo(organization.role()),
              task.id(),
              this::refreshOrTell);
      opened.addOpenedChangeListener(
          change -> {
            if (!change.isOpened() && detail == opened) {
              detail = null;
            }
          });
      detail = opened;
      opened.open();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private void refreshOrTell() {
    try {
      refresh();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }
}
