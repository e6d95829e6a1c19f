package io.protohive.ui.organization;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.conversation.ConversationService;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.knowledge.KnowledgeBases;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.mcp.McpServers;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.organization.AgentService;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.organization.Role;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.PluginCatalog;
import io.protohive.kernel.plugin.ToolApprovals;
import io.protohive.kernel.plugin.ToolService;
import io.protohive.kernel.routine.Routines;
import io.protohive.ui.conversation.ConversationStarter;
import io.protohive.ui.conversation.ConversationsSection;
import io.protohive.ui.file.FilesView;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.routine.RoutinesSection;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.task.TaskBoardView;
import io.protohive.ui.webhook.WebhooksView;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * One organization: its agents as an org chart, where conversations with them start, its
 * conversations, the way to its task board, and its members and their roles, managed by its admins
 * and owners.
 */
@Route(value = "organizations/:id", layout = MainLayout.class)
@PageTitle("Organization · ProtoHive")
public class OrganizationDetailView extends VerticalLayout implements SignedInOnly {

  private final OrganizationService organizations;
  private final AgentsSection agentsSection;
  private final ConversationsSection conversationsSection;
  private final RoutinesSection routinesSection;
  private final H2 title = new H2();
  private final Paragraph problem = new Paragraph();
  private final Grid<MemberView> members = new Grid<>(MemberView.class, false);
  private final HorizontalLayout invite = new HorizontalLayout();
  private final Button webhooks = new Button("Webhooks", VaadinIcon.CONNECT.create());
  private UUID id;
  private OrganizationView organization;

  @Inject
  public OrganizationDetailView(
      OrganizationService organizations,
      AgentService agents,
      PluginCatalog catalog,
      ToolService tools,
      ToolApprovals approvals,
      McpServers mcpServers,
      LlmProviders providers,
      AgentMemory memory,
      KnowledgeBases knowledgeBases,
      ConversationService conversations,
      Routines routines) {
    this.organizations = organizations;
    this.agentsSection =
        new AgentsSection(
            agents,
            new ToolGroups(catalog, tools, approvals, mcpServers),
            providers,
            memory,
            knowledgeBases,
            new ConversationStarter(conversations));
    this.conversationsSection = new ConversationsSection(conversations, agents);
    this.routinesSection = new RoutinesSection(routines, agents);
    problem.setId("organization-problem");
    members.setId("members");
    members.addColumn(MemberView::email).setHeader("Email");
    members.addColumn(MemberView::displayName).setHeader("Name");
    members.addColumn(new ComponentRenderer<>(this::roleOf)).setHeader("Role");
    members.addColumn(m -> Dates.format(m.joinedAt())).setHeader("Joined");
    members.addColumn(new ComponentRenderer<>(this::removeButton)).setHeader("");
    members.setAllRowsVisible(true);

    EmailField email = new EmailField();
    email.setId("invite-email");
    email.setPlaceholder("Email of a person in your tenant");
    email.setWidth("22em");
    Select<Role> role = roles();
    role.setId("invite-role");
    role.setValue(Role.MEMBER);
    Button add = new Button("Add member");
    add.setId("invite-submit");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.addClickListener(
        click ->
            act(
                () -> {
                  organizations.addMember(caller(), id, email.getValue(), role.getValue());
                  email.clear();
                }));
    invite.add(email, role, add);
    invite.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    Button tasks =
        new Button(
            "Tasks",
            VaadinIcon.TASKS.create(),
            click ->
                getUI()
                    .ifPresent(
                        ui -> ui.navigate(TaskBoardView.class, TaskBoardView.parameters(id))));
    tasks.setId("organization-tasks");
    Button files =
        new Button(
            "Files",
            VaadinIcon.FOLDER_OPEN.create(),
            click ->
                getUI().ifPresent(ui -> ui.navigate(FilesView.class, FilesView.parameters(id))));
    files.setId("organization-files");
    webhooks.setId("organization-webhooks");
    webhooks.addClickListener(
        click ->
            getUI().ifPresent(ui -> ui.navigate(WebhooksView.class, WebhooksView.parameters(id))));
    HorizontalLayout heading = new HorizontalLayout(title, tasks, files, webhooks);
    heading.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

    add(
        heading,
        agentsSection,
        conversationsSection,
        routinesSection,
        new H3("Members"),
        invite,
        problem,
        members);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (SignedInUser.current().isEmpty()) {
      return;
    }
    try {
      id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
      refresh();
    } catch (IllegalArgumentException | Rejection notFound) {
      event.forwardTo(OrganizationsView.class);
    }
  }

  private void refresh() {
    organization = organizations.get(caller(), id);
    title.setText(organization.name());
    invite.setVisible(Permission.MANAGE_MEMBERS.grantedTo(organization.role()));
    webhooks.setVisible(Permission.EDIT.grantedTo(organization.role()));
    members.setItems(organizations.members(caller(), id));
    agentsSection.show(caller(), organization);
    conversationsSection.show(caller(), id);
    routinesSection.show(caller(), organization);
  }

  private Component roleOf(MemberView member) {
    if (!Permission.MANAGE_MEMBERS.grantedTo(organization.role())) {
      return new Span(member.role().name().toLowerCase());
    }
    Select<Role> role = roles();
    role.setValue(member.role());
    role.addValueChangeListener(
        change -> {
          if (change.isFromClient()) {
            act(() -> organizations.changeRole(caller(), id, member.userId(), change.getValue()));
          }
        });
    return role;
  }

  private Button removeButton(MemberView member) {
    boolean self = member.userId().equals(caller().userId());
    Button remove = new Button(self ? "Leave" : "Remove");
    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    remove.setVisible(self || Permission.MANAGE_MEMBERS.grantedTo(organization.role()));
    remove.addClickListener(
        click ->
            act(
                () -> {
                  organizations.removeMember(caller(), id, member.userId());
                  if (self) {
                    getUI().ifPresent(ui -> ui.navigate(OrganizationsView.class));
                  }
                }));
    return remove;
  }

  /** Runs a change and shows the result, or why it was refused. */
  private void act(Runnable change) {
    try {
      change.run();
      problem.setText("");
      refresh();
    } catch (Rejection rejection) {
      problem.setText(rejection.getMessage());
      refresh();
    }
  }

  private static Select<Role> roles() {
    Select<Role> select = new Select<>();
    select.setItems(Role.values());
    select.setItemLabelGenerator(r -> r.name().toLowerCase());
    return select;
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
