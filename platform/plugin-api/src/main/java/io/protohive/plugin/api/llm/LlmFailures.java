package io.protohive.plugin.api.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * How the platform's gateway reads a failure of a provider's model: timeouts, 429, 5xx and broken
 * connections are worth another attempt or another provider; a request the provider rejects (other
 * 4xx: bad request, bad key, unknown model, filtered content) would fail the same way anywhere, so
 * it ends the call. Providers meet this by letting LangChain4j's exception types, or an {@link
 * HttpException} with the vendor's status, reach the caller unchanged.
 *
 * @since 1.1
 */
public final class LlmFailures {

  private LlmFailures() {}

  /** Whether the gateway tries again, or tries the next provider, after this failure. */
  public static boolean retryable(Throwable error) {
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
}
