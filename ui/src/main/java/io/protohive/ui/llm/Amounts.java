package io.protohive.ui.llm;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the LLM pages write counts and money. The platform keeps money in millionths of a currency
 * unit (micros) so that sums stay exact; people read it in currency units.
 */
public final class Amounts {

  private static final int MICROS_SCALE = 6;
  private static final int SHOWN_DECIMALS = 2;

  private Amounts() {}

  /** A count with thousands separators, e.g. {@code 12,500}. */
  public static String count(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  /** Millionths as currency units, with at least two decimals and none lost, e.g. {@code 2.50}. */
  public static String currency(long micros) {
    BigDecimal units = BigDecimal.valueOf(micros, MICROS_SCALE).stripTrailingZeros();
    return units.setScale(Math.max(units.scale(), SHOWN_DECIMALS)).toPlainString();
  }

  /** Millionths in currency units, and as the millionths the platform keeps and forms take. */
  static String currencyAndMillionths(long micros) {
    return currency(micros) + " (" + count(micros) + " millionths)";
  }
}
