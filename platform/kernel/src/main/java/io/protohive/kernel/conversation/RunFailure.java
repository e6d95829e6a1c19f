package io.protohive.kernel.conversation;

import io.protohive.kernel.llm.BudgetExhausted;
import io.protohive.kernel.llm.LlmUnavailable;

/**
 * Why a run failed, as its {@code run.failed} event says besides the words for people: callers that
 * answer a program (the OpenAI-compatible API) tell a spent budget from a model that did not
 * answer.
 */
public enum RunFailure {
  /** A person stopped it. */
  STOPPED,
  /** A budget of its tenant, organization, agent or task had no room for a model call. */
  BUDGET_EXHAUSTED,
  /** No model of the route answered. */
  MODEL_UNAVAILABLE,
  /** The agent took its most steps without answering. */
  STEP_LIMIT,
  /** Anything else: a tool, the platform, or every attempt of its job. */
  FAILED;

  static RunFailure of(Throwable cause) {
    if (cause instanceof BudgetExhausted) {
      return BUDGET_EXHAUSTED;
    }
    return cause instanceof LlmUnavailable ? MODEL_UNAVAILABLE : FAILED;
  }
}
