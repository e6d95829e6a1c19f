package io.protohive.ui.llm;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.ManagedBadge;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's budgets and where each stands this month, with a warning on every budget past its
 * threshold or spent, since a spent budget refuses the calls in its scope until an admin acts.
 */
final class BudgetsSection extends VerticalLayout {

  private final Budgets budgets;
  private final Caller caller;
  private final OrganizationNames organizations;
  private final VerticalLayout warnings = new VerticalLayout();
  private final Grid<Budget> grid = new Grid<>(Budget.class, false);
  private final BudgetForm form;

  BudgetsSection(Budgets budgets, Caller caller, OrganizationNames organizations) {
    this.budgets = budgets;
    this.caller = caller;
    this.organizations = organizations;
    this.form = new BudgetForm(budgets, caller, organizations, this::refresh);

    warnings.setId("budget-warnings");
    warnings.setPadding(false);
    warnings.setSpacing(false);
    grid.setId("budgets");
    grid.addColumn(b -> BudgetText.scope(b.scope())).setHeader("Scope").setAutoWidth(true);
    grid.addColumn(b -> BudgetText.target(b, organizations)).setHeader("For").setFlexGrow(2);
    grid.addColumn(b -> BudgetText.unit(b.unit())).setHeader("Unit").setAutoWidth(true);
    grid.addColumn(b -> BudgetText.amount(b.unit(), b.amount())).setHeader("Limit");
    grid.addColumn(b -> BudgetText.amount(b.unit(), b.spent())).setHeader("Spent this month");
    grid.addColumn(b -> BudgetText.amount(b.unit(), b.reserved())).setHeader("Reserved");
    grid.addColumn(new ComponentRenderer<>(BudgetsSection::spentBar)).setHeader("Used");
    grid.addColumn(b -> b.softPercent() + " %").setHeader("Warn at").setAutoWidth(true);
    Grid.Column<Budget> actions =
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setAutoWidth(true);
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(
        click -> {
          if (click.getColumn() != actions && !click.getItem().managed()) {
            form.edit(click.getItem());
          }
        });

    setPadding(false);
    add(
        new Paragraph(
            "Limits per calendar month (UTC) for the whole tenant, an organization or an agent, in"
                + " tokens or in millionths of the currency unit. A call that would pass one is"
                + " refused. Click a budget to change it."),
        warnings,
        grid,
        new H3("Set a budget"),
        form);
  }

  /** Shows the budgets, and the organizations to choose from, as they are now. */
  void refresh() {
    List<Budget> all = budgets.list(caller);
    grid.setItems(all);
    warnings.removeAll();
    all.forEach(budget -> warning(budget).ifPresent(warnings::add));
    form.refresh();
  }

  private Optional<Component> warning(Budget budget) {
    String name = BudgetText.named(budget, organizations);
    return switch (BudgetStanding.of(budget)) {
      case SPENT ->
          Optional.of(
              notice(
                  name
                      + " for this month is spent: calls are refused until an admin raises or"
                      + " resets it.",
                  LumoUtility.Background.ERROR_10,
                  LumoUtility.TextColor.ERROR));
      case PAST_THRESHOLD ->
          Optional.of(
              notice(
                  name
                      + " has used "
                      + BudgetText.withUnit(budget.unit(), budget.spent())
                      + " of "
                      + BudgetText.withUnit(budget.unit(), budget.amount())
                      + ", past its warning threshold of "
                      + budget.softPercent()
                      + " %.",
                  LumoUtility.Background.WARNING_10,
                  LumoUtility.TextColor.WARNING));
      case WITHIN -> Optional.empty();
    };
  }

  private static Component notice(String text, String background, String color) {
    Div notice = new Div(text);
    notice.addClassNames(
        background,
        color,
        LumoUtility.Padding.SMALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Margin.Bottom.XSMALL);
    notice.setWidthFull();
    return notice;
  }

  static ProgressBar spentBar(Budget budget) {
    ProgressBar bar = new ProgressBar(0, 1, BudgetStanding.spentShare(budget));
    switch (BudgetStanding.of(budget)) {
      case SPENT -> bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
      case PAST_THRESHOLD ->
          bar.getStyle().set("--lumo-primary-color", "var(--lumo-warning-color)");
      case WITHIN -> bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
    }
    return bar;
  }

  private Component actions(Budget budget) {
    Button reset =
        new Button(
            "Reset",
            click ->
                confirm(
                    "Reset this budget?",
                    "What it spent this month is forgotten, as if the month began again.",
                    "Reset",
                    () -> budgets.reset(caller, budget.id(), ClientAddress.current()),
                    BudgetText.named(budget, organizations) + " is reset."));
    reset.setId("budget-reset-" + budget.id());
    Button remove =
        new Button(
            "Remove",
            click ->
                confirm(
                    "Remove this budget?",
                    "Calls in its scope are no longer limited by it.",
                    "Remove",
                    () -> budgets.remove(caller, budget.id(), ClientAddress.current()),
                    BudgetText.named(budget, organizations) + " is removed."));
    remove.setId("budget-remove-" + budget.id());
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
    reset.addThemeVariants(ButtonVariant.LUMO_SMALL);
    remove.addThemeVariants(ButtonVariant.LUMO_SMALL);
    // what a budget spent is not part of its declaration, so a managed budget can still be reset
    if (budget.managed()) {
      ManagedBadge managed = new ManagedBadge();
      managed.setId("budget-managed-" + budget.id());
      return new HorizontalLayout(managed, reset);
    }
    return new HorizontalLayout(reset, remove);
  }

  /** Asks before a change the platform may refuse, says how it went, and shows the budgets now. */
  private void confirm(
      String question, String consequence, String act, Runnable change, String done) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            question,
            consequence,
            act,
            confirmed -> {
              try {
                change.run();
                Notices.success(done);
              } catch (Rejection rejection) {
                Notices.error(rejection.getMessage());
              }
              refresh();
            });
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.open();
  }
}
