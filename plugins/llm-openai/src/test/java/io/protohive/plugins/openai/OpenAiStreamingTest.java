package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.output.FinishReason;
import io.protohive.llm.fakes.OpenAiReply;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.ProviderSettings;
import io.protohive.plugin.testkit.StreamRecorder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Streaming chat models against OpenAI's server-sent events. */
class OpenAiStreamingTest extends OpenAiFakeFixture {

  @Test
  void asksForUsageAtTheEndOfTheStream() throws Exception {
    StreamRecorder answer = new StreamRecorder();

    provider.streamingChatModel(CHAT_MODEL, configuration()).chat(ask("Hello"), answer);
    answer.response();

    JsonNode body = openAi.lastRequest().json();
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(openAi.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void streamsToolCallsInFragmentsAndCompletesThem() throws Exception {
    String paris = "{\"city\":\"Paris, France\"}";
    String rome = "{\"city\":\"Rome\"}";
    openAi.enqueue(
        OpenAiReply.toolCalls(
            List.of(
                new OpenAiReply.ToolCall("weather", paris),
                new OpenAiReply.ToolCall("weather", rome))));
    StreamRecorder answer = new StreamRecorder();

    provider.streamingChatModel(CHAT_MODEL, configuration()).chat(askForWeather(), answer);

    ChatResponse response = answer.response();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::name, ToolExecutionRequest::arguments)
        .containsExactly(tuple("weather", paris), tuple("weather", rome));
    assertThat(answer.partialToolCalls).hasSizeGreaterThan(2);
    assertThat(argumentsStreamedFor(answer, 0)).isEqualTo(paris);
    assertThat(argumentsStreamedFor(answer, 1)).isEqualTo(rome);
    assertThat(answer.toolCalls).hasSize(2);
    assertThat(openAi.lastRequest().json().path("tools").get(0).path("function").path("name"))
        .hasToString("\"weather\"");
  }

  @Test
  void failsWithATimeoutWhenTheServerHangs() throws Exception {
    openAi.enqueue(OpenAiReply.hang());
    Configuration impatient =
        Configuration.of(
            Map.of(
                ProviderSettings.BASE_URL,
                openAi.apiBaseUrl(),
                ProviderSettings.TIMEOUT_SECONDS,
                "1"));
    StreamRecorder answer = new StreamRecorder();

    provider.streamingChatModel(CHAT_MODEL, impatient).chat(ask("Hi"), answer);

    assertThat(answer.error()).isInstanceOf(TimeoutException.class);
  }

  private static String argumentsStreamedFor(StreamRecorder answer, int index) {
    return answer.partialToolCalls.stream()
        .filter(call -> call.index() == index)
        .map(PartialToolCall::partialArguments)
        .collect(Collectors.joining());
  }
}
