package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import io.protohive.llm.fakes.OpenAiReply;
import io.protohive.plugin.testkit.StreamRecorder;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenAI's error answers become LangChain4j's exception types, by which the gateway tells a
 * retryable failure (rate limit, server error) from one that is not (bad request, wrong key). Each
 * is tried once: retrying is the gateway's job.
 */
class OpenAiErrorTest extends OpenAiFakeFixture {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            OpenAiReply.badRequest("'messages' must contain at least one message."),
            InvalidRequestException.class),
        Arguments.of(OpenAiReply.invalidApiKey(), AuthenticationException.class),
        Arguments.of(OpenAiReply.rateLimited(Duration.ofSeconds(20)), RateLimitException.class),
        Arguments.of(OpenAiReply.serverError(), InternalServerException.class),
        Arguments.of(OpenAiReply.overloaded(), InternalServerException.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void blockingChat(OpenAiReply error, Class<? extends Exception> expected) {
    openAi.enqueue(error);

    Throwable thrown =
        catchThrowable(() -> provider.chatModel(CHAT_MODEL, configuration()).chat(ask("Hi")));

    assertMapped(thrown, error, expected);
    assertThat(openAi.chatCompletionCalls()).as("attempts").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void streamingChat(OpenAiReply error, Class<? extends Exception> expected) throws Exception {
    openAi.enqueue(error);
    StreamRecorder answer = new StreamRecorder();

    provider.streamingChatModel(CHAT_MODEL, configuration()).chat(ask("Hi"), answer);

    assertMapped(answer.error(), error, expected);
    assertThat(openAi.chatCompletionCalls()).as("attempts").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void embedding(OpenAiReply error, Class<? extends Exception> expected) {
    openAi.enqueueEmbedding(error);

    Throwable thrown =
        catchThrowable(
            () -> provider.embeddingModel(EMBEDDING_MODEL, configuration()).embed("hello"));

    assertMapped(thrown, error, expected);
    assertThat(openAi.embeddingCalls()).as("attempts").isEqualTo(1);
  }

  private static void assertMapped(
      Throwable thrown, OpenAiReply error, Class<? extends Exception> expected) {
    assertThat(thrown).isInstanceOf(expected);
    assertThat(thrown.getMessage()).contains(error.error().message()).doesNotContain(API_KEY);
    assertThat(thrown).cause().hasMessageNotContaining(API_KEY);
  }
}
