package io.protohive.plugins.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.llm.fakes.OllamaFakeServer;
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
 * Ollama's errors, and those of a proxy in front of it, reach the gateway as LangChain4j's
 * exception types after exactly one attempt: the gateway decides about retries.
 */
class OllamaErrorsTest {

  private final OllamaProvider provider = new OllamaProvider();
  private final OllamaFakeServer fake = new OllamaFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(OllamaFakeServer.modelNotFound("llama3.2"), ModelNotFoundException.class),
        Arguments.of(
            OllamaFakeServer.serverError("llama runner process has terminated"),
            InternalServerException.class),
        Arguments.of(OllamaFakeServer.serverBusy(), InternalServerException.class),
        Arguments.of(
            AnthropicOllamaReply.error(400, null, "invalid options"),
            InvalidRequestException.class),
        // an authenticating or rate-limiting proxy in front of Ollama
        Arguments.of(
            AnthropicOllamaReply.error(401, null, "unauthorized"), AuthenticationException.class),
        Arguments.of(
            AnthropicOllamaReply.error(429, null, "too many requests"), RateLimitException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void blockingChatsFailOnceWithLangChain4jsType(
      AnthropicOllamaReply error, Class<? extends LangChain4jException> expected) {
    fake.enqueue(error, AnthropicOllamaReply.text("a retry would get this"));

    Throwable thrown =
        catchThrowable(
            () ->
                provider
                    .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
                    .chat(UserMessage.from("Hi")));

    assertThat(thrown).isExactlyInstanceOf(expected).hasMessageContaining(asInTheBody(error));
    assertThat(fake.requests()).hasSize(1);
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

    assertThat(recorder.error())
        .isExactlyInstanceOf(expected)
        .hasMessageContaining(asInTheBody(error));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void embeddingsFailOnceWithLangChain4jsType(
      AnthropicOllamaReply error, Class<? extends LangChain4jException> expected) {
    fake.enqueue(error, AnthropicOllamaReply.embedding());

    Throwable thrown =
        catchThrowable(
            () ->
                provider
                    .embeddingModel(TenantSettings.EMBEDDING_MODEL, TenantSettings.pointingAt(fake))
                    .embed("hello"));

    assertThat(thrown).isExactlyInstanceOf(expected).hasMessageContaining(asInTheBody(error));
    assertThat(fake.requests()).hasSize(1);
  }

  /**
   * When generation fails after the stream started, Ollama writes an {@code {"error":…}} line into
   * the 200 stream. LangChain4j 1.11 ignores that line and then sees the stream end without a final
   * {@code done:true} line: the handler is told neither of an error nor of a completion. The
   * gateway's own deadline is the only thing that ends such a call.
   */
  @Test
  void anErrorInsideAStartedStreamIsNeverReported() throws Exception {
    fake.enqueue(OllamaFakeServer.serverError("llama runner process has terminated").inStream());
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(question(), recorder);

    assertThat(recorder.endsWithin(Duration.ofSeconds(1))).isFalse();
    assertThat(recorder.partials).isEmpty();
  }

  @Test
  void aServerThatNeverAnswersTimesOut() {
    fake.enqueue(AnthropicOllamaReply.hang());
    Configuration configuration =
        Configuration.of(Map.of("baseUrl", fake.baseUrl(), "timeoutSeconds", "1"));

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
  }

  /** The error's message as it stands, JSON-escaped, in the body the exception quotes. */
  private static String asInTheBody(AnthropicOllamaReply error) {
    return error.error().message().replace("\"", "\\\"");
  }

  private static ChatRequest question() {
    return ChatRequest.builder().messages(UserMessage.from("Hi")).build();
  }
}
