package io.protohive.kernel.llm;

/**
 * How a provider's failure is told to logs and callers. Whether it is retried is the SPI's rule,
 * {@link io.protohive.plugin.api.llm.LlmFailures#retryable}, which every provider plugin is tested
 * against.
 */
final class LlmErrors {

  private LlmErrors() {}

  /** A sentence for logs and callers; never the request, never a key. */
  static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.substring(0, Math.min(message.length(), 300)));
  }
}
