package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.protohive.llm.fakes.OpenAiReply;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blocking chat models against a server that speaks OpenAI's Chat Completions API. */
class OpenAiChatTest extends OpenAiFakeFixture {

  @Test
  void sendsTheModelTheMessagesAndTheApiKeyAsBearerToken() {
    openAi.requireApiKey(API_KEY);
    ChatModel model = provider.chatModel("gpt-4.1", configuration());

    model.chat(ask("Hello"));

    JsonNode body = openAi.lastRequest().json();
    assertThat(openAi.lastRequest().path()).isEqualTo("/v1/chat/completions");
    assertThat(openAi.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(body.path("model").asText()).isEqualTo("gpt-4.1");
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Hello");
    assertThat(body.path("stream").asBoolean()).isFalse();
  }

  @Test
  void sendsNoAuthorizationToAServerWithoutKey() {
    Configuration keyless =
        Configuration.of(Map.of(ProviderSettings.BASE_URL, openAi.apiBaseUrl() + "/"));

    ChatResponse response = provider.chatModel("llama3.1", keyless).chat(ask("Hello"));

    assertThat(response.aiMessage().text()).isNotBlank();
    assertThat(openAi.lastRequest().header("Authorization")).isNull();
  }

  @Test
  void answersWithTheToolCallsTheModelAsksFor() {
    openAi.enqueue(
        OpenAiReply.toolCalls(
            List.of(
                new OpenAiReply.ToolCall("weather", "{\"city\":\"Paris\"}"),
                new OpenAiReply.ToolCall("weather", "{\"city\":\"Rome\"}"))));

    ChatResponse response = provider.chatModel(CHAT_MODEL, configuration()).chat(askForWeather());

    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::name, ToolExecutionRequest::arguments)
        .containsExactly(
            tuple("weather", "{\"city\":\"Paris\"}"), tuple("weather", "{\"city\":\"Rome\"}"));
    assertThat(response.aiMessage().toolExecutionRequests())
        .allSatisfy(request -> assertThat(request.id()).startsWith("call_"));
    JsonNode tool = openAi.lastRequest().json().path("tools").get(0);
    assertThat(tool.path("type").asText()).isEqualTo("function");
    assertThat(tool.path("function").path("name").asText()).isEqualTo("weather");
    assertThat(tool.path("function").path("parameters").path("required").get(0).asText())
        .isEqualTo("city");
  }

  @Test
  void givesUpAfterItsTimeoutWhenTheServerHangs() {
    openAi.enqueue(OpenAiReply.hang());
    Configuration impatient =
        Configuration.of(
            Map.of(
                ProviderSettings.BASE_URL,
                openAi.apiBaseUrl(),
                ProviderSettings.TIMEOUT_SECONDS,
                "1"));

    Throwable thrown =
        catchThrowable(() -> provider.chatModel(CHAT_MODEL, impatient).chat(ask("Hi")));

    // LangChain4j 1.11 maps only streamed timeouts to its TimeoutException
    assertThat(thrown).hasRootCauseInstanceOf(HttpTimeoutException.class);
    assertThat(openAi.chatCompletionCalls()).isEqualTo(1);
  }
}
