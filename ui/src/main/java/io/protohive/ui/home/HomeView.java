package io.protohive.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.home.Dashboard;
import io.protohive.kernel.home.DashboardView;
import io.protohive.kernel.home.DashboardView.AgentAtWork;
import io.protohive.kernel.home.DashboardView.OrganizationAtWork;
import io.protohive.kernel.home.DashboardView.TaskItem;
import io.protohive.kernel.home.DashboardView.UnreadConversation;
import io.protohive.kernel.home.DashboardView.WaitingApproval;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationTemplates;
import io.protohive.ui.conversation.ChatView;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.llm.SpendSummary;
import io.protohive.ui.organization.NewOrganizationForm;
import io.protohive.ui.organization.OrganizationDetailView;
import io.protohive.ui.platform.PlatformTenantsView;
import io.protohive.ui.platform.SystemView;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.task.TaskBoardView;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The signed-in person's home page, over {@link Dashboard}: their organizations and the agents at
 * work, new messages, their tasks, the approvals they may decide and, for tenant admins, the
 * month's LLM spend. Someone with no organization is invited to create one from a template.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Home · ProtoHive")
public class HomeView extends VerticalLayout implements SignedInOnly {

  private final OrganizationService organizations;
  private final OrganizationTemplates templates;

  @Inject
  public HomeView(
      Dashboard dashboard, OrganizationService organizations, OrganizationTemplates templates) {
    this.organizations = organizations;
    this.templates = templates;
    setId("dashboard");
    setMaxWidth("80em");
    addClassNames(LumoUtility.Padding.LARGE);
    SignedInUser user = SignedInUser.current().orElse(null);
    if (user == null) {
      return; // a visitor, whom beforeEnter sends to the sign-in page
    }
    H2 title = new H2("Home");
    title.addClassNames(LumoUtility.Margin.NONE);
    Span who = new Span("Signed in as " + user.email());
    who.addClassNames(LumoUtility.TextColor.SECONDARY);
    add(title, who);
    if (user.tenantId() == null) {
      add(platformAdminHome());
      return;
    }
    DashboardView view = dashboard.of(user.caller());
    if (view.organizations().isEmpty()) {
      add(emptyState(user.caller()));
      return;
    }
    Div cards = new Div();
    cards.setId("dashboard-cards");
    cards.addClassNames(
        LumoUtility.Display.GRID,
        LumoUtility.Grid.Column.COLUMNS_1,
        LumoUtility.Grid.Breakpoint.Large.COLUMNS_2,
        LumoUtility.Gap.LARGE);
    cards.setWidthFull();
    cards.add(
        card(
            "dashboard-organizations",
            VaadinIcon.BUILDING,
            "Your organizations",
            view.organizations(),
            this::organization,
            "No organizations."),
        card(
            "dashboard-unread",
            VaadinIcon.CHAT,
            "New messages",
            view.unreadConversations(),
            HomeView::unread,
            "You are all caught up."),
        card(
            "dashboard-assigned",
            VaadinIcon.CLIPBOARD_USER,
            "Assigned to you",
            view.assignedTasks(),
            HomeView::task,
            "No open tasks are assigned to you."),
        card(
            "dashboard-reported",
            VaadinIcon.CLIPBOARD_TEXT,
            "Reported by you",
            view.reportedTasks(),
            HomeView::task,
            "No open tasks you asked for."),
        card(
            "dashboard-approvals",
            VaadinIcon.HAND,
            "Approvals waiting for you",
            view.approvals(),
            HomeView::approval,
            "Nothing waits for your decision."));
    if (view.spend() != null) {
      Div spend = card("dashboard-spend", VaadinIcon.MONEY, "LLM spend this month");
      spend.add(new SpendSummary(view.spend(), organizations, user.caller()));
      cards.add(spend);
    }
    add(cards);
  }

  private Component emptyState(Caller caller) {
    Div empty = card("dashboard-empty", VaadinIcon.ROCKET, "Create your first AI company");
    empty.setMaxWidth("48em");
    Paragraph text =
        new Paragraph(
            "An organization is a team of agents with roles, a manager and tools. Start from a"
                + " template and its agents are ready to chat and take on tasks.");
    text.addClassNames(LumoUtility.TextColor.SECONDARY);
    Button start = new Button("Create your first AI company from a template");
    start.setId("dashboard-create-organization");
    start.setIcon(VaadinIcon.PLUS.create());
    start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
    start.addClickListener(click -> openCreation(caller));
    empty.add(text, start);
    return empty;
  }

  private void openCreation(Caller caller) {
    Dialog dialog = new Dialog();
    dialog.setId("new-organization-dialog");
    dialog.setHeaderTitle("New organization");
    NewOrganizationForm form =
        new NewOrganizationForm(
            organizations,
            templates,
            caller,
            created -> {
              dialog.close();
              getUI()
                  .ifPresent(
                      ui ->
                          ui.navigate(
                              OrganizationDetailView.class,
                              new RouteParameters("id", created.id().toString())));
            });
    form.suggestFirstTemplate();
    dialog.add(form);
    dialog.getFooter().add(new Button("Cancel", click -> dialog.close()));
    dialog.open();
  }

  private Component platformAdminHome() {
    Div admin = card("dashboard-platform", VaadinIcon.SERVER, "Platform administration");
    admin.setMaxWidth("48em");
    Paragraph text =
        new Paragraph(
            "Platform admins belong to no tenant. Look after the platform and its tenants here.");
    text.addClassNames(LumoUtility.TextColor.SECONDARY);
    admin.add(
        text,
        new RouterLink("Tenants", PlatformTenantsView.class),
        new Div(),
        new RouterLink("System", SystemView.class));
    return admin;
  }

  private <T> Div card(
      String id,
      VaadinIcon icon,
      String heading,
      List<T> items,
      Function<T, Component> item,
      String none) {
    Div card = card(id, icon, heading);
    if (items.isEmpty()) {
      Span empty = new Span(none);
      empty.addClassNames("dashboard-none", LumoUtility.TextColor.SECONDARY);
      card.add(empty);
    }
    items.forEach(i -> card.add(item.apply(i)));
    return card;
  }

  private static Div card(String id, VaadinIcon icon, String heading) {
    var glyph = icon.create();
    glyph.addClassNames(LumoUtility.TextColor.PRIMARY, LumoUtility.IconSize.MEDIUM);
    H3 title = new H3(heading);
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    HorizontalLayout header = new HorizontalLayout(glyph, title);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    header.addClassNames(LumoUtility.Margin.Bottom.SMALL);
    Div card = new Div(header);
    card.setId(id);
    card.addClassNames(
        "dashboard-card",
        LumoUtility.Background.BASE,
        LumoUtility.Border.ALL,
        LumoUtility.BorderColor.CONTRAST_10,
        LumoUtility.BorderRadius.LARGE,
        LumoUtility.BoxShadow.XSMALL,
        LumoUtility.Padding.LARGE,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Gap.SMALL);
    return card;
  }

  private Component organization(OrganizationAtWork organization) {
    RouterLink name =
        new RouterLink(
            organization.name(),
            OrganizationDetailView.class,
            new RouteParameters("id", organization.id().toString()));
    name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span role = badge(organization.role().name().toLowerCase(Locale.ROOT), "contrast");
    HorizontalLayout header = new HorizontalLayout(name, role);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    Div item = item(header);
    item.getElement().setAttribute("data-organization", organization.id().toString());
    if (organization.agentsAtWork().isEmpty()) {
      Span idle = new Span("No agent is at work right now.");
      idle.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      item.add(idle);
    }
    for (AgentAtWork agent : organization.agentsAtWork()) {
      item.add(atWork(organization.id(), agent));
    }
    return item;
  }

  private static Component atWork(UUID organizationId, AgentAtWork agent) {
    Span dot = badge("at work", "success small");
    Span name = new Span(agent.name() + " (" + agent.role() + ")");
    name.addClassNames(LumoUtility.FontSize.SMALL);
    Component where =
        agent.taskId() != null
            ? new RouterLink(
                "working on " + agent.taskTitle(),
                TaskBoardView.class,
                new RouteParameters(TaskBoardView.ORGANIZATION_ID, organizationId.toString()))
            : new RouterLink(
                "answering in a conversation",
                ChatView.class,
                new RouteParameters(ChatView.CONVERSATION_ID, agent.conversationId().toString()));
    ((RouterLink) where).addClassNames(LumoUtility.FontSize.SMALL);
    HorizontalLayout line = new HorizontalLayout(dot, name, where);
    line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    line.addClassNames("dashboard-agent-at-work");
    line.getElement().setAttribute("data-agent", agent.id().toString());
    return line;
  }

  private static Component unread(UnreadConversation conversation) {
    RouterLink title =
        new RouterLink(
            conversation.title(),
            ChatView.class,
            new RouteParameters(ChatView.CONVERSATION_ID, conversation.id().toString()));
    title.addClassNames(LumoUtility.FontWeight.MEDIUM);
    Span count = badge(conversation.newMessages() + " new", "primary small");
    count.addClassNames("dashboard-unread-count");
    HorizontalLayout header = new HorizontalLayout(title, count);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    Div item =
        item(
            header,
            secondary(
                conversation.organizationName()
                    + " · "
                    + Dates.format(conversation.lastMessageAt())));
    item.getElement().setAttribute("data-conversation", conversation.id().toString());
    return item;
  }

  private static Component task(TaskItem task) {
    RouterLink title =
        new RouterLink(
            task.title(),
            TaskBoardView.class,
            new RouteParameters(TaskBoardView.ORGANIZATION_ID, task.organizationId().toString()));
    title.addClassNames(LumoUtility.FontWeight.MEDIUM);
    Span status =
        badge(task.status().name().replace('_', ' ').toLowerCase(Locale.ROOT), "contrast small");
    HorizontalLayout header = new HorizontalLayout(title, status);
    header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    String due = task.dueAt() == null ? "" : " · due " + Dates.format(task.dueAt());
    Div item = item(header, secondary(task.organizationName() + due));
    item.getElement().setAttribute("data-task", task.id().toString());
    return item;
  }

  private static Component approval(WaitingApproval approval) {
    RouterLink title =
        new RouterLink(
            approval.taskTitle(),
            TaskBoardView.class,
            new RouteParameters(
                TaskBoardView.ORGANIZATION_ID, approval.organizationId().toString()));
    title.addClassNames(LumoUtility.FontWeight.MEDIUM);
    Div item =
        item(
            title,
            secondary(
                (approval.agentName() == null ? "An agent" : approval.agentName())
                    + " wants to call "
                    + approval.toolId()
                    + " · "
                    + approval.organizationName()));
    item.getElement().setAttribute("data-approval", approval.id().toString());
    return item;
  }

  private static Div item(Component... parts) {
    Div item = new Div(parts);
    item.addClassNames(
        "dashboard-item",
        LumoUtility.Padding.Vertical.SMALL,
        LumoUtility.Border.TOP,
        LumoUtility.BorderColor.CONTRAST_5,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexDirection.COLUMN,
        LumoUtility.Gap.XSMALL);
    return item;
  }

  private static Span secondary(String text) {
    Span span = new Span(text);
    span.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    return span;
  }

  private static Span badge(String text, String theme) {
    Span badge = new Span(text);
    badge.getElement().setAttribute("theme", "badge " + theme);
    return badge;
  }
}
