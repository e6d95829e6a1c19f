package io.protohive.ui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.llm.Budgets.Budget;
import io.protohive.kernel.llm.Budgets.Scope;
import io.protohive.kernel.llm.Budgets.Unit;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BudgetStandingTest {

  @Test
  void aBudgetIsPastItsThresholdFromThatShareOnAndSpentAtItsLimit() {
    assertThat(BudgetStanding.of(budget(1000, 80, 799))).isEqualTo(BudgetStanding.WITHIN);
    assertThat(BudgetStanding.of(budget(1000, 80, 800))).isEqualTo(BudgetStanding.PAST_THRESHOLD);
    assertThat(BudgetStanding.of(budget(1000, 80, 1000))).isEqualTo(BudgetStanding.SPENT);
    assertThat(BudgetStanding.of(budget(0, 80, 0))).isEqualTo(BudgetStanding.SPENT);
  }

  @Test
  void theSpentShareStopsAtTheWholeLimit() {
    assertThat(BudgetStanding.spentShare(budget(1000, 80, 250))).isEqualTo(0.25);
    assertThat(BudgetStanding.spentShare(budget(1000, 80, 1500))).isEqualTo(1);
    assertThat(BudgetStanding.spentShare(budget(0, 80, 0))).isEqualTo(1);
  }

  private static Budget budget(long amount, int softPercent, long spent) {
    return new Budget(
        UUID.randomUUID(),
        Scope.TENANT,
        UUID.randomUUID(),
        Unit.TOKENS,
        amount,
        softPercent,
        Instant.now(),
        spent,
        0,
        false);
  }
}
