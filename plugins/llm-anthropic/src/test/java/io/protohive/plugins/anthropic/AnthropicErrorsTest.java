package io.protohive.plugins.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.llm.fakes.AnthropicFakeServer;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.testkit.StreamRecorder;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anthropic's errors reach the gateway as LangChain4j's exception types, after exactly one attempt
 * (the gateway decides about retries), and never carry the tenant's API key.
 */
class AnthropicErrorsTest {

  private final AnthropicProvider provider = new AnthropicProvider();
  private final AnthropicFakeServer fake = new AnthropicFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(AnthropicFakeServer.rateLimitError(), RateLimitException.class),
        Arguments.of(AnthropicFakeServer.apiError(), InternalServerException.class),
        Arguments.of(AnthropicFakeServer.overloadedError(), InternalServerException.class),
        Arguments.of(
            AnthropicFakeServer.invalidRequestError("messages: at least one message is required"),
            InvalidRequestException.class),
        Arguments.of(AnthropicFakeServer.authenticationError(), AuthenticationException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void blockingCallsFailOnceWithLangChain4jsType(
      AnthropicOllamaReply error, Class<? extends LangChain4jException> expected) {
    fake.enqueue(error, AnthropicOllamaReply.text("a retry would get this"));

    Throwable thrown =
        catchThrowable(
            () ->
                provider
                    .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
                    .chat(UserMessage.from("Hi")));

    assertThat(thrown).isExactlyInstanceOf(expected).hasMessageContaining(error.error().type());
    assertThat(fake.requests()).hasSize(1);
    assertNoKeyIn(thrown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void streamsFailWithLangChain4jsType(
      AnthropicOllamaReply error, Class<? extends LangChain4jException> expected) throws Exception {
    fake.enqueue(error);
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(question(), recorder);

    Throwable thrown = recorder.error();
    assertThat(thrown).isExactlyInstanceOf(expected).hasMessageContaining(error.error().type());
    assertNoKeyIn(thrown);
  }

  /**
   * When generation fails after the stream started, Anthropic sends an {@code error} event in the
   * 200 stream. LangChain4j 1.11 hands that to the handler as a plain RuntimeException with the
   * event's JSON, not as one of its own types: the gateway must treat an untyped stream error as
   * retryable.
   */
  @Test
  void anErrorInsideAStartedStreamArrivesUntyped() throws Exception {
    fake.enqueue(AnthropicFakeServer.overloadedError().inStream());
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(question(), recorder);

    Throwable thrown = recorder.error();
    assertThat(thrown)
        .isExactlyInstanceOf(RuntimeException.class)
        .hasMessageContaining("overloaded_error");
    assertNoKeyIn(thrown);
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    fake.enqueue(AnthropicOllamaReply.hang());
    Configuration configuration =
        Configuration.of(
            Map.of(
                "apiKey", TenantSettings.API_KEY, "baseUrl", fake.apiUrl(), "timeoutSeconds", "1"));

    long start = System.nanoTime();
    Throwable thrown =
        catchThrowable(
            () ->
                provider
                    .chatModel(TenantSettings.MODEL, configuration)
                    .chat(UserMessage.from("Hi")));

    assertThat(thrown).isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(fake.requests()).hasSize(1);
    assertNoKeyIn(thrown);
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("Hi")).build();
  }

  private static void assertNoKeyIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TenantSettings.API_KEY);
      assertThat(t.toString()).doesNotContain(TenantSettings.API_KEY);
    }
  }
}
