package io.protohive.ui.llm;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.home.DashboardView.Spend;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.organization.OrganizationService;

/** The tenant's LLM spend this month against its budgets, as tenant admins see it at home. */
public class SpendSummary extends VerticalLayout {

  public SpendSummary(Spend spend, OrganizationService organizations, Caller caller) {
    setPadding(false);
    setSpacing(false);
    Span cost = new Span(Amounts.currency(spend.costMicros()));
    cost.setId("spend-cost");
    cost.addClassNames(LumoUtility.FontSize.XXXLARGE, LumoUtility.FontWeight.SEMIBOLD);
    Span calls =
        new Span(
            Amounts.count(spend.tokens())
                + " tokens in "
                + Amounts.count(spend.calls())
                + " calls since "
                + spend.periodStart().toString().substring(0, 10));
    calls.setId("spend-usage");
    calls.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    add(cost, calls);
    if (spend.budgets().isEmpty()) {
      Span none = new Span("No budgets are set.");
      none.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.MEDIUM);
      add(none);
    } else {
      OrganizationNames names = new OrganizationNames(organizations);
      names.reload(caller);
      for (Budget budget : spend.budgets()) {
        add(budget(budget, names));
      }
    }
    add(new RouterLink("Usage and budgets", LlmView.class));
  }

  private static Div budget(Budget budget, OrganizationNames names) {
    Span label = new Span(BudgetText.target(budget, names));
    label.addClassNames(LumoUtility.FontWeight.MEDIUM);
    Span amounts =
        new Span(
            BudgetText.amount(budget.unit(), budget.spent())
                + " of "
                + BudgetText.withUnit(budget.unit(), budget.amount()));
    amounts.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    HorizontalLayout line = new HorizontalLayout(label, amounts);
    line.setJustifyContentMode(JustifyContentMode.BETWEEN);
    line.setWidthFull();
    ProgressBar bar = BudgetsSection.spentBar(budget);
    Div item = new Div(line, bar);
    item.addClassNames("dashboard-budget", LumoUtility.Margin.Top.MEDIUM);
    item.setWidthFull();
    return item;
  }
}
