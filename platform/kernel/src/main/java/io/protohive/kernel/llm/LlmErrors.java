package io.protohive.kernel.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Which failures of a provider are worth another attempt or another provider: timeouts, 429, 5xx
 * and broken connections are; a request the provider rejects (other 4xx: bad request, bad key,
 * unknown model, filtered content) would fail the same way anywhere, so it ends the call.
 */
final class LlmErrors {

  private LlmErrors() {}

  static boolean retryable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NonRetriableException) {
        return false;
      }
      if (cause instanceof RetriableException
          || cause instanceof TimeoutException
          || cause instanceof IOException) {
        return true;
      }
      if (cause instanceof HttpException http) {
        return http.statusCode() == 429 || http.statusCode() >= 500;
      }
    }
    // an unknown failure inside a provider plugin: let another provider try
    return true;
  }

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
