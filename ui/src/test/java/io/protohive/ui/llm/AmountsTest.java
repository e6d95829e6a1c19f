package io.protohive.ui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void currencyShowsAtLeastCentsAndLosesNoMillionth() {
    assertThat(Amounts.currency(0)).isEqualTo("0.00");
    assertThat(Amounts.currency(2_500_000)).isEqualTo("2.50");
    assertThat(Amounts.currency(1_234_567)).isEqualTo("1.234567");
    assertThat(Amounts.currency(15_000_000_000L)).isEqualTo("15000.00");
  }

  @Test
  void moneyReadsInUnitsAndInTheMillionthsFormsTake() {
    assertThat(Amounts.currencyAndMillionths(2_500_000)).isEqualTo("2.50 (2,500,000 millionths)");
  }

  @Test
  void countSeparatesThousands() {
    assertThat(Amounts.count(1_234_567)).isEqualTo("1,234,567");
  }
}
