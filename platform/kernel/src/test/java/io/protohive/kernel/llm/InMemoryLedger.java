package io.protohive.kernel.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One token budget kept in memory, with the rule {@link Budgets} applies in the database: a call is
 * held only while spent, reserved and its estimate stay within the amount; settling replaces the
 * hold by what the call used, and its attempts are metered then.
 */
final class InMemoryLedger implements BudgetLedger {

  /** One reservation asked for. */
  record Reserved(long tokens, long micros) {}

  /** One settlement. */
  record Settled(long tokens, long micros) {}

  private final UUID budgetId = UUID.randomUUID();
  private final long amount;
  private long spent;
  private long reserved;
  final List<Reserved> reservations = new ArrayList<>();
  final List<Settled> settlements = new ArrayList<>();

  private final List<UsageMeter.Metered> metered;

  /**
   * @param metered receives each call's attempts as it settles
   */
  InMemoryLedger(long amount, List<UsageMeter.Metered> metered) {
    this.amount = amount;
    this.metered = metered;
  }

  @Override
  public synchronized Budgets.Reservation reserve(CallScope call, long tokens, long micros) {
    reservations.add(new Reserved(tokens, micros));
    if (spent + reserved + tokens > amount) {
      throw new BudgetExhausted("The tenant's budget for this month is spent.");
    }
    reserved += tokens;
    return new Budgets.Reservation(
        call.tenantId(), List.of(new Budgets.Hold(budgetId, Budgets.Unit.TOKENS, tokens)));
  }

  @Override
  public synchronized void settle(
      CallScope call,
      Budgets.Reservation reservation,
      long tokens,
      long micros,
      List<UsageMeter.Metered> attempts) {
    metered.addAll(attempts);
    settlements.add(new Settled(tokens, micros));
    for (Budgets.Hold hold : reservation.holds()) {
      reserved = Math.max(reserved - hold.amount(), 0);
      spent += hold.unit().of(tokens, micros);
    }
  }

  synchronized long spent() {
    return spent;
  }

  synchronized long reserved() {
    return reserved;
  }
}
