package io.protohive.kernel.llm;

/** No step of the tenant's route answered: every provider failed, timed out or was open. */
public final class LlmUnavailable extends RuntimeException {

  public LlmUnavailable(String message) {
    super(message, null, false, false);
  }
}
