package io.protohive.ui.llm;

import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.llm.Budgets.Scope;
import io.protohive.kernel.llm.Budgets.Unit;
import java.util.Locale;

/** How budgets read, in the grid, its warnings and the form alike. */
final class BudgetText {

  private BudgetText() {}

  static String scope(Scope scope) {
    return scope.name().charAt(0) + scope.name().substring(1).toLowerCase(Locale.ROOT);
  }

  static String unit(Unit unit) {
    return switch (unit) {
      case TOKENS -> "tokens";
      case MICROS -> "currency (millionths)";
    };
  }

  /** An amount in the budget's unit: tokens as a count, millionths also in currency units. */
  static String amount(Unit unit, long amount) {
    return switch (unit) {
      case TOKENS -> Amounts.count(amount);
      case MICROS -> Amounts.currencyAndMillionths(amount);
    };
  }

  /** An amount with what it counts, e.g. {@code 12,000 tokens} or {@code 2.50 currency units}. */
  static String withUnit(Unit unit, long amount) {
    return switch (unit) {
      case TOKENS -> Amounts.count(amount) + " tokens";
      case MICROS -> Amounts.currency(amount) + " currency units";
    };
  }

  /** What the budget applies to: the tenant, an organization by name, an agent or task by id. */
  static String target(Budget budget, OrganizationNames organizations) {
    return switch (budget.scope()) {
      case TENANT -> "Whole tenant";
      case ORGANIZATION -> organizations.label(budget.scopeId());
      case AGENT, TASK -> budget.scopeId().toString();
    };
  }

  /** The budget as a person names it in a warning, e.g. "The organization Research's budget". */
  static String named(Budget budget, OrganizationNames organizations) {
    return budget.scope() == Scope.TENANT
        ? "The tenant's budget"
        : "The "
            + budget.scope().name().toLowerCase(Locale.ROOT)
            + " "
            + target(budget, organizations)
            + "'s budget";
  }
}
