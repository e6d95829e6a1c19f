package io.protohive.kernel.llm;

/** How one model call through the gateway ended, as metering records it. */
public enum CallOutcome {
  OK,
  FAILED,
  TIMED_OUT,
  CIRCUIT_OPEN,
  CANCELLED
}
