package io.protohive.kernel.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BudgetUnitTest {

  @Test
  void aTokenBudgetCountsTokensAndACurrencyBudgetCountsMicros() {
    assertThat(Budgets.Unit.TOKENS.of(120, 4_500)).isEqualTo(120);
    assertThat(Budgets.Unit.MICROS.of(120, 4_500)).isEqualTo(4_500);
  }
}
