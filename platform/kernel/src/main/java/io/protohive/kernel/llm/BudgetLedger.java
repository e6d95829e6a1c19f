package io.protohive.kernel.llm;

/**
 * Where a model call holds its estimate before it is sent and settles on what it used; {@link
 * Budgets} keeps the ledger in the database.
 */
interface BudgetLedger {

  /**
   * Holds a call's estimate on every budget of its scope.
   *
   * @throws BudgetExhausted when one of them has no room for it; nothing is held then
   */
  Budgets.Reservation reserve(CallScope call, long tokens, long micros);

  /** Replaces a call's held estimates by what it used. */
  void settle(Budgets.Reservation reservation, long tokens, long micros);
}
