package io.protohive.kernel.llm;

import java.util.List;

/**
 * Where a model call holds its estimate before it is sent, and where what it used is written once
 * it is over; {@link CallSettlements} keeps the ledger in the database.
 */
interface BudgetLedger {

  /**
   * Holds a call's estimate on every budget of its scope.
   *
   * @throws BudgetExhausted when one of them has no room for it; nothing is held then
   */
  Budgets.Reservation reserve(CallScope call, long tokens, long micros);

  /**
   * Meters a call's attempts and replaces its held estimates by what it used. The estimates stay
   * held until this is written, which may be after the method returns.
   */
  void settle(
      CallScope call,
      Budgets.Reservation reservation,
      long tokens,
      long micros,
      List<UsageMeter.Metered> attempts);
}
