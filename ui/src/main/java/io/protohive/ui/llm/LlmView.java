package io.protohive.ui.llm;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.llm.LlmRoutes;
import io.protohive.kernel.llm.UsageMeter;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.signin.TenantAdminOnly;
import jakarta.inject.Inject;

/**
 * How a tenant uses language models, for its admins: which providers and models its calls go to,
 * what they may spend, and what they used.
 */
@Route(value = LlmView.ROUTE, layout = MainLayout.class)
@PageTitle("LLM · ProtoHive")
public class LlmView extends VerticalLayout implements TenantAdminOnly {

  public static final String ROUTE = "tenant/llm";

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final OrganizationNames organizations;
  private final RouteEditor route;
  private final BudgetsSection budgets;
  private final UsageDashboard usage;

  @Inject
  public LlmView(
      LlmRoutes routes,
      LlmProviders providers,
      Budgets budgets,
      UsageMeter meter,
      OrganizationService organizations,
      TenantsConfigItems items) {
    this.organizations = new OrganizationNames(organizations);
    this.route = new RouteEditor(routes, providers, items, caller);
    this.budgets = new BudgetsSection(budgets, caller, this.organizations);
    this.usage = new UsageDashboard(meter, caller, this.organizations);

    TabSheet sections = new TabSheet();
    sections.add("Route", route).setId("llm-route-tab");
    sections.add("Budgets", this.budgets).setId("llm-budgets-tab");
    sections.add("Usage", usage).setId("llm-usage-tab");
    sections.setWidthFull();
    add(new H2("LLM"), sections);
  }

  @Override
  public void entered() {
    organizations.reload(caller);
    route.refresh();
    budgets.refresh();
    usage.refresh();
  }
}
