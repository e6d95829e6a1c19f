package io.protohive.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmFailures;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link LlmProviderContract} of a provider whose models call a server, with what the gateway
 * relies on from it: the tokens it meters are the tokens the server reported, blocking or streamed;
 * and when the server fails, each failure reaches the caller after exactly one request (retrying
 * and falling back are the gateway's), classified by {@link LlmFailures#retryable} as the gateway
 * will read it (429 and 5xx retryable, other 4xx not), repeating the vendor's message and never a
 * secret of the configuration; and a server that never answers ends in a timeout-classified error
 * soon after the configured timeout.
 */
public abstract class RemoteLlmProviderContract extends LlmProviderContract {

  /** The timeout the timeout cases configure. */
  protected static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** How much later than {@link #TIMEOUT} the failure may arrive. */
  protected static final Duration TIMEOUT_SLACK = Duration.ofSeconds(4);

  @Override
  protected abstract RemoteLlmUpstream newUpstream();

  @Override
  protected RemoteLlmUpstream upstream() {
    return (RemoteLlmUpstream) super.upstream();
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(400, false),
        Arguments.of(401, false),
        Arguments.of(429, true),
        Arguments.of(500, true),
        Arguments.of(503, true));
  }

  @Test
  void reportsTheTokensTheServerReported() throws Exception {
    upstream().willAnswer(ANSWER);
    upstream().willAnswer(ANSWER.withUsage(17, 4));
    StreamRecorder recorder = new StreamRecorder();

    ChatResponse blocking =
        provider().chatModel(chatModel(), upstream().configuration()).chat(question());
    provider()
        .streamingChatModel(chatModel(), upstream().configuration())
        .chat(question(), recorder);
    ChatResponse streamed = recorder.response();

    TokenUsage metered = blocking.tokenUsage().add(streamed.tokenUsage());
    TokenUsage reported = upstream().reportedUsage();
    assertThat(metered.inputTokenCount()).as("input tokens").isEqualTo(21 + 17);
    assertThat(metered.outputTokenCount()).as("output tokens").isEqualTo(6 + 4);
    assertThat(reported.inputTokenCount())
        .as("input tokens the server reported")
        .isEqualTo(metered.inputTokenCount());
    assertThat(reported.outputTokenCount())
        .as("output tokens the server reported")
        .isEqualTo(metered.outputTokenCount());
  }

  @ParameterizedTest(name = "HTTP {0}, retryable: {1}")
  @MethodSource("failures")
  void aBlockingChatFailsOnceAsTheGatewayClassifiesIt(int status, boolean retryable) {
    String message = upstream().willFail(status);
    upstream().willAnswer(ANSWER);

    Throwable thrown =
        catchThrowable(
            () -> provider().chatModel(chatModel(), upstream().configuration()).chat(question()));

    assertFailure(thrown, message, retryable);
  }

  @ParameterizedTest(name = "HTTP {0}, retryable: {1}")
  @MethodSource("failures")
  void aStreamFailsOnceAsTheGatewayClassifiesIt(int status, boolean retryable) throws Exception {
    String message = upstream().willFail(status);
    upstream().willAnswer(ANSWER);
    StreamRecorder recorder = new StreamRecorder();

    provider()
        .streamingChatModel(chatModel(), upstream().configuration())
        .chat(question(), recorder);

    assertFailure(recorder.error(), message, retryable);
    assertThat(recorder.partials).as("pieces of a failed stream").isEmpty();
    assertThat(recorder.ends()).as("the stream ends once").isEqualTo(1);
  }

  @Test
  void aBlockingChatToAServerThatNeverAnswersTimesOutAsConfigured() {
    upstream().willHang();
    Configuration impatient = upstream().configuration(TIMEOUT);

    long started = System.nanoTime();
    Throwable thrown =
        catchThrowable(() -> provider().chatModel(chatModel(), impatient).chat(question()));

    assertTimedOut(thrown, Duration.ofNanos(System.nanoTime() - started), impatient);
  }

  @Test
  void aStreamFromAServerThatNeverAnswersTimesOutAsConfigured() throws Exception {
    upstream().willHang();
    Configuration impatient = upstream().configuration(TIMEOUT);
    StreamRecorder recorder = new StreamRecorder();

    long started = System.nanoTime();
    provider().streamingChatModel(chatModel(), impatient).chat(question(), recorder);
    Throwable thrown = recorder.error();

    assertTimedOut(thrown, Duration.ofNanos(System.nanoTime() - started), impatient);
    assertThat(recorder.partials).as("pieces of a stream that never began").isEmpty();
  }

  private void assertFailure(Throwable thrown, String message, boolean retryable) {
    assertThat(thrown).as("the failure").isNotNull();
    assertThat(LlmFailures.retryable(thrown))
        .as("retryable, as the gateway reads " + thrown)
        .isEqualTo(retryable);
    assertThat(chain(thrown))
        .as("the vendor's message, somewhere in the failure")
        .anySatisfy(cause -> assertThat(String.valueOf(cause.getMessage())).contains(message));
    assertNoSecretIn(thrown, upstream().configuration());
    assertThat(upstream().chatRequests()).as("requests: retrying is the gateway's job").isOne();
  }

  private void assertTimedOut(Throwable thrown, Duration took, Configuration configuration) {
    assertThat(thrown).as("the failure").isNotNull();
    assertThat(chain(thrown))
        .as("a timeout, somewhere in " + thrown)
        .anySatisfy(cause -> assertThat(isTimeout(cause)).isTrue());
    assertThat(LlmFailures.retryable(thrown)).as("retryable, as the gateway reads it").isTrue();
    assertThat(took)
        .as("time until the failure")
        .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100))
        .isLessThan(TIMEOUT.plus(TIMEOUT_SLACK));
    assertNoSecretIn(thrown, configuration);
    assertThat(upstream().chatRequests()).as("requests: retrying is the gateway's job").isOne();
  }

  private void assertNoSecretIn(Throwable thrown, Configuration configuration) {
    for (ConfigurationProperty property : provider().configuration()) {
      if (!property.secret()) {
        continue;
      }
      configuration
          .value(property.key())
          .ifPresent(
              secret ->
                  assertThat(chain(thrown))
                      .as("the failure never carries the secret " + property.key())
                      .allSatisfy(
                          cause -> {
                            assertThat(String.valueOf(cause.getMessage())).doesNotContain(secret);
                            assertThat(cause.toString()).doesNotContain(secret);
                          }));
    }
  }

  private static boolean isTimeout(Throwable cause) {
    return cause instanceof dev.langchain4j.exception.TimeoutException
        || cause instanceof java.util.concurrent.TimeoutException
        || cause instanceof HttpTimeoutException
        || cause instanceof SocketTimeoutException;
  }

  private static List<Throwable> chain(Throwable error) {
    return Stream.iterate(error, cause -> cause != null, Throwable::getCause).toList();
  }
}
