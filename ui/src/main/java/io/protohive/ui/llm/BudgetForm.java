package io.protohive.ui.llm;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.Budgets;
import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.llm.Budgets.Scope;
import io.protohive.kernel.llm.Budgets.Unit;
import io.protohive.kernel.organization.OrganizationView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.Map;
import java.util.UUID;

/**
 * Sets a budget: a new one, or, for a scope that has one, its new limit. Setting the limit of a
 * spent budget above what it spent lets calls through again.
 */
final class BudgetForm extends FormLayout {

  private static final int DEFAULT_SOFT_PERCENT = 80;

  /** The name the platform gives the organization or agent of a budget when it refuses one. */
  private static final String TARGET_FIELD = "scopeId";

  private final Budgets budgets;
  private final Caller caller;
  private final OrganizationNames organizations;
  private final Runnable saved;
  private final ComboBox<Scope> scope = new ComboBox<>("For");
  private final ComboBox<OrganizationView> organization = new ComboBox<>("Organization");

  /** The agent's or the task's id, for budgets of either. */
  private final TextField agent = new TextField("Agent id");

  private final Select<Unit> unit = new Select<>();
  private final WholeNumberField amount = new WholeNumberField("Limit per month", "amount");
  private final IntegerField softPercent = new IntegerField("Warn at (% of the limit)");

  /**
   * @param saved what to do once the platform took the budget
   */
  BudgetForm(Budgets budgets, Caller caller, OrganizationNames organizations, Runnable saved) {
    this.budgets = budgets;
    this.caller = caller;
    this.organizations = organizations;
    this.saved = saved;

    scope.setId("budget-scope");
    scope.setItems(Scope.values());
    scope.setItemLabelGenerator(BudgetText::scope);
    scope.addValueChangeListener(change -> showTargetField());
    organization.setId("budget-organization");
    organization.setItemLabelGenerator(OrganizationView::name);
    agent.setId("budget-agent");
    agent.setPlaceholder("00000000-0000-0000-0000-000000000000");
    unit.setId("budget-unit");
    unit.setLabel("Counts");
    unit.setItems(Unit.values());
    unit.setItemLabelGenerator(BudgetText::unit);
    unit.addValueChangeListener(change -> amount.setMillionths(change.getValue() == Unit.MICROS));
    amount.setId("budget-amount");
    softPercent.setId("budget-soft");
    softPercent.setMin(1);
    softPercent.setMax(100);
    softPercent.setStepButtonsVisible(true);
    Button save = new Button("Set budget", click -> save());
    save.setId("budget-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    add(scope, organization, agent, unit, amount, softPercent, save);
    clear();
  }

  /** Offers the organizations as now known. */
  void refresh() {
    organization.setItems(organizations.all());
  }

  /** Fills the form with a budget, to change its limit or threshold. */
  void edit(Budget budget) {
    scope.setValue(budget.scope());
    organization.setValue(
        organizations.all().stream()
            .filter(o -> o.id().equals(budget.scopeId()))
            .findFirst()
            .orElse(null));
    agent.setValue(byId(budget.scope()) ? budget.scopeId().toString() : "");
    unit.setValue(budget.unit());
    amount.setValue(Long.toString(budget.amount()));
    softPercent.setValue(budget.softPercent());
  }

  private void clear() {
    scope.setValue(Scope.TENANT);
    unit.setValue(Unit.TOKENS);
    amount.clear();
    softPercent.setValue(DEFAULT_SOFT_PERCENT);
  }

  private void showTargetField() {
    organization.setVisible(scope.getValue() == Scope.ORGANIZATION);
    agent.setVisible(byId(scope.getValue()));
    agent.setLabel(scope.getValue() == Scope.TASK ? "Task id" : "Agent id");
  }

  /** Agents and tasks are many; their budgets name them by id. */
  private static boolean byId(Scope scope) {
    return scope == Scope.AGENT || scope == Scope.TASK;
  }

  private void save() {
    try {
      Budget budget =
          budgets.set(
              caller,
              scope.getValue(),
              target(),
              unit.getValue(),
              amount.number(),
              softPercent.getValue(),
              ClientAddress.current());
      Notices.success(
          BudgetText.named(budget, organizations)
              + " is now "
              + BudgetText.withUnit(budget.unit(), budget.amount())
              + " a month.");
      clear();
      saved.run();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, errorPlaces(), Notices::error);
    }
  }

  /** The organization, agent or task the budget is for; {@code null} for the tenant's own. */
  private UUID target() {
    if (scope.getValue() == Scope.ORGANIZATION && !organization.isEmpty()) {
      return organization.getValue().id();
    }
    if (byId(scope.getValue()) && !agent.isEmpty()) {
      try {
        return UUID.fromString(agent.getValue().strip());
      } catch (IllegalArgumentException notAnId) {
        throw Rejection.invalid(TARGET_FIELD, "Give the id, a UUID.");
      }
    }
    return null;
  }

  private Map<String, HasValidation> errorPlaces() {
    return Map.of(
        "scope",
        scope,
        TARGET_FIELD,
        byId(scope.getValue()) ? agent : organization,
        "unit",
        unit,
        "amount",
        amount,
        "softPercent",
        softPercent);
  }
}
