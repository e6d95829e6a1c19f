package io.protohive.kernel.llm;

/** A model call refused before it was sent, because it would exceed a budget. */
public final class BudgetExhausted extends RuntimeException {

  public BudgetExhausted(String message) {
    super(message, null, false, false);
  }
}
