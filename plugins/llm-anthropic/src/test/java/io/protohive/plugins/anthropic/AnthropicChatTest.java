package io.protohive.plugins.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.llm.fakes.AnthropicFakeServer;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.plugin.testkit.StreamRecorder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chat with Claude through the provider's models, blocking and streamed, against the fake. */
class AnthropicChatTest {

  private static final ToolSpecification WEATHER =
      ToolSpecification.builder()
          .name("get_weather")
          .description("The current weather in a city")
          .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
          .build();

  private final AnthropicProvider provider = new AnthropicProvider();
  private final AnthropicFakeServer fake = new AnthropicFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void sendsTheQuestionAsAUserMessage() {
    provider
        .chatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(ChatRequest.builder().messages(UserMessage.from("Say hello in French")).build());

    assertThat(fake.lastRequest().json().path("messages").get(0).path("role").asText())
        .isEqualTo("user");
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

    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments()).isEqualToIgnoringWhitespace("{\"city\":\"Paris\"}");
    assertThat(call.id()).startsWith("toolu_");
    var tool = fake.lastRequest().json().path("tools").get(0);
    assertThat(tool.path("name").asText()).isEqualTo("get_weather");
    assertThat(tool.path("input_schema").path("required").get(0).asText()).isEqualTo("city");
  }

  @Test
  void streamsToolCallsAssembledFromTheirFragments() throws Exception {
    fake.enqueue(
        AnthropicOllamaReply.toolCalls(
            List.of(
                new AnthropicOllamaReply.ToolCall("get_weather", "{\"city\":\"Paris, France\"}"),
                new AnthropicOllamaReply.ToolCall("get_weather", "{\"city\":\"Lyon\"}"))));
    StreamRecorder recorder = new StreamRecorder();

    provider
        .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake))
        .chat(weatherQuestion(), recorder);

    ChatResponse response = recorder.response();
    assertThat(recorder.toolCalls)
        .extracting(c -> c.toolExecutionRequest().arguments())
        .containsExactly("{\"city\":\"Paris, France\"}", "{\"city\":\"Lyon\"}");
    assertThat(response.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::name)
        .containsExactly("get_weather", "get_weather");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.tokenUsage())
        .extracting(TokenUsage::inputTokenCount, TokenUsage::outputTokenCount)
        .containsExactly(10, 40);
  }

  private static ChatRequest weatherQuestion() {
    return ChatRequest.builder()
        .messages(UserMessage.from("What is the weather in Paris?"))
        .toolSpecifications(WEATHER)
        .build();
  }
}
