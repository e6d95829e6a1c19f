package io.protohive.ui.llm;

import io.protohive.kernel.llm.Budgets.Budget;

/**
 * Where a budget stands this month, by the same measures the platform applies: past its warning
 * threshold once what it spent reaches that share of its limit, spent once nothing is left.
 */
enum BudgetStanding {
  WITHIN,
  PAST_THRESHOLD,
  SPENT;

  static BudgetStanding of(Budget budget) {
    if (budget.spent() >= budget.amount()) {
      return SPENT;
    }
    if (budget.spent() * 100 >= budget.amount() * budget.softPercent()) {
      return PAST_THRESHOLD;
    }
    return WITHIN;
  }

  /** What has been spent, as a share of the limit from 0 to 1. */
  static double spentShare(Budget budget) {
    return budget.amount() == 0 ? 1 : Math.min(1, (double) budget.spent() / budget.amount());
  }
}
