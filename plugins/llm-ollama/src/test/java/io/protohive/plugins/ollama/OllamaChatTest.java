package io.protohive.plugins.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.llm.fakes.OllamaFakeServer;
import io.protohive.plugin.testkit.StreamRecorder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chat through the provider's models, blocking and streamed, against the fake Ollama. */
class OllamaChatTest {

  private static final ToolSpecification WEATHER =
      ToolSpecification.builder()
          .name("get_weather")
          .description("The current weather in a city")
          .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
          .build();

  private final OllamaProvider provider = new OllamaProvider();
  private final OllamaFakeServer fake = new OllamaFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void asksForAStream() throws Exception {
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(ChatRequest.builder().messages(UserMessage.from("Begin a tale")).build(), recorder);

    recorder.response();
    assertThat(fake.lastRequest().json().path("stream").asBoolean()).isTrue();
  }

  @Test
  void asksForAToolAndSendsTheToolDescription() {
    fake.enqueue(AnthropicOllamaReply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

    ChatResponse response =
        provider
            .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
            .chat(weatherQuestion());

    ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"city\":\"Paris\"}");
    var tool = fake.lastRequest().json().path("tools").get(0);
    assertThat(tool.path("type").asText()).isEqualTo("function");
    assertThat(tool.path("function").path("name").asText()).isEqualTo("get_weather");
  }

  @Test
  void streamsSeveralToolCallsApart() throws Exception {
    fake.enqueue(
        AnthropicOllamaReply.toolCalls(
            List.of(
                new AnthropicOllamaReply.ToolCall("get_weather", "{\"city\":\"Paris\"}"),
                new AnthropicOllamaReply.ToolCall("get_weather", "{\"city\":\"Lyon\"}"))));
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(weatherQuestion(), recorder);

    ChatResponse response = recorder.response();
    assertThat(recorder.toolCalls)
        .extracting(c -> c.toolExecutionRequest().arguments())
        .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Lyon\"}");
    assertThat(response.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::arguments)
        .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Lyon\"}");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertUsage(response, 10, 40);
  }

  private static ChatRequest weatherQuestion() {
    return ChatRequest.builder()
        .messages(UserMessage.from("What is the weather in Paris and Lyon?"))
        .toolSpecifications(WEATHER)
        .build();
  }

  private static void assertUsage(ChatResponse response, int input, int output) {
    assertThat(response.tokenUsage())
        .extracting(TokenUsage::inputTokenCount, TokenUsage::outputTokenCount)
        .containsExactly(input, output);
  }
}
