package io.protohive.ui.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Page;
import io.protohive.ui.account.ProfileView;
import io.protohive.ui.developer.DeveloperView;
import io.protohive.ui.home.HomeView;
import io.protohive.ui.llm.LlmPricesView;
import io.protohive.ui.llm.LlmView;
import io.protohive.ui.mcp.McpServersView;
import io.protohive.ui.organization.OrganizationDetailView;
import io.protohive.ui.organization.OrganizationsView;
import io.protohive.ui.platform.AnalyticsView;
import io.protohive.ui.platform.JobsView;
import io.protohive.ui.platform.OutboxView;
import io.protohive.ui.platform.PlatformAuditView;
import io.protohive.ui.platform.PlatformTenantsView;
import io.protohive.ui.platform.SystemView;
import io.protohive.ui.plugin.PluginsView;
import io.protohive.ui.plugin.TenantPluginsView;
import io.protohive.ui.signin.SignInView;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.tenant.TenantAdminView;
import jakarta.inject.Inject;
import java.util.Optional;

/** The shell around every page: title bar, navigation drawer, who is signed in. */
public class MainLayout extends AppLayout {

  @Inject
  public MainLayout(OrganizationService organizations) {
    H1 title = new H1("ProtoHive");
    title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
    title.getStyle().set("flex-grow", "1");

    Optional<SignedInUser> user = SignedInUser.current();
    HorizontalLayout bar =
        new HorizontalLayout(
            new DrawerToggle(), title, organizationSwitcher(user, organizations), account(user));
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.setWidthFull();
    bar.addClassNames(LumoUtility.Padding.End.MEDIUM);
    addToNavbar(bar);

    SideNav navigation = new SideNav();
    if (user.isPresent()) {
      navigation.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
      navigation.addItem(
          new SideNavItem("Organizations", OrganizationsView.class, VaadinIcon.BUILDING.create()));
      navigation.addItem(
          new SideNavItem("Developer", DeveloperView.class, VaadinIcon.CODE.create()));
    }
    if (user.map(SignedInUser::tenantAdmin).orElse(false)) {
      navigation.addItem(
          new SideNavItem("Tenant", TenantAdminView.class, VaadinIcon.USERS.create()));
      navigation.addItem(
          new SideNavItem(
              "Tenant plugins", TenantPluginsView.class, VaadinIcon.PUZZLE_PIECE.create()));
      navigation.addItem(
          new SideNavItem("MCP servers", McpServersView.class, VaadinIcon.CONNECT.create()));
      navigation.addItem(new SideNavItem("LLM", LlmView.class, VaadinIcon.AUTOMATION.create()));
    }
    if (user.map(SignedInUser::platformAdmin).orElse(false)) {
      navigation.addItem(
          new SideNavItem("Tenants", PlatformTenantsView.class, VaadinIcon.OFFICE.create()));
      navigation.addItem(new SideNavItem("System", SystemView.class, VaadinIcon.SERVER.create()));
      navigation.addItem(
          new SideNavItem("Analytics", AnalyticsView.class, VaadinIcon.CHART.create()));
      navigation.addItem(new SideNavItem("Mail", OutboxView.class, VaadinIcon.ENVELOPE.create()));
      navigation.addItem(new SideNavItem("Jobs", JobsView.class, VaadinIcon.TASKS.create()));
      navigation.addItem(
          new SideNavItem("Audit", PlatformAuditView.class, VaadinIcon.CLIPBOARD_CHECK.create()));
      navigation.addItem(new SideNavItem("Plugins", PluginsView.class, VaadinIcon.PLUG.create()));
      navigation.addItem(
          new SideNavItem("Model prices", LlmPricesView.class, VaadinIcon.MONEY.create()));
    }
    addToDrawer(navigation);
  }

  /** Jumps to one of the signed-in person's organizations. */
  private static Component organizationSwitcher(
      Optional<SignedInUser> user, OrganizationService organizations) {
    Select<OrganizationView> switcher = new Select<>();
    switcher.setId("organization-switcher");
    switcher.setPlaceholder("Go to organization");
    switcher.setItemLabelGenerator(OrganizationView::name);
    switcher.setVisible(user.map(u -> u.tenantId() != null).orElse(false));
    if (switcher.isVisible()) {
      switcher.setItems(organizations.list(user.get().caller(), Page.MAX_LIMIT, null).items());
    }
    switcher.addValueChangeListener(
        change -> {
          if (change.getValue() != null) {
            switcher
                .getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            OrganizationDetailView.class,
                            new RouteParameters("id", change.getValue().id().toString())));
          }
        });
    return switcher;
  }

  private static Component account(Optional<SignedInUser> user) {
    if (user.isEmpty()) {
      return new Anchor(SignInView.ROUTE, "Sign in");
    }
    Anchor email = new Anchor(ProfileView.ROUTE, user.get().email());
    email.setId("signed-in-as");
    Button signOut = new Button("Sign out");
    signOut.setId("sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    signOut.addClickListener(
        click ->
            signOut
                .getUI()
                .ifPresent(
                    ui -> {
                      SignedInUser.signOut();
                      ui.getPage().setLocation("/" + SignInView.ROUTE);
                    }));
    HorizontalLayout account = new HorizontalLayout(email, signOut);
    account.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    return account;
  }
}
