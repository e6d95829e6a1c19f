package io.protohive.plugin.api.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LlmFailuresTest {

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 502, 503, 529})
  void overloadAndServerErrorsAreRetried(int status) {
    assertThat(LlmFailures.retryable(new HttpException(status, "body"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void requestsTheProviderRejectsAreNot(int status) {
    assertThat(LlmFailures.retryable(new HttpException(status, "body"))).isFalse();
  }

  @Test
  void langChain4jsTypesDecideBeforeAnythingTheyWrap() {
    assertThat(LlmFailures.retryable(new RateLimitException("slow down"))).isTrue();
    assertThat(LlmFailures.retryable(new TimeoutException("late"))).isTrue();
    assertThat(LlmFailures.retryable(new AuthenticationException("bad key"))).isFalse();
    assertThat(LlmFailures.retryable(new ModelNotFoundException("no such model"))).isFalse();
    assertThat(
            LlmFailures.retryable(new InvalidRequestException(new HttpException(503, "proxied"))))
        .isFalse();
  }

  @Test
  void timeoutsAndBrokenConnectionsAreRetriedWhereverTheyAreWrapped() {
    assertThat(LlmFailures.retryable(new RuntimeException(new HttpTimeoutException("late"))))
        .isTrue();
    assertThat(LlmFailures.retryable(new IllegalStateException(new IOException("reset")))).isTrue();
    assertThat(LlmFailures.retryable(new java.util.concurrent.TimeoutException("deadline")))
        .isTrue();
  }

  @Test
  void anUnknownFailureLetsAnotherProviderTry() {
    assertThat(LlmFailures.retryable(new IllegalStateException("bug in a plugin"))).isTrue();
  }
}
