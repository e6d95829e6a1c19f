package io.protohive.plugins.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.protohive.plugin.api.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ScriptedProviderTest {

  private final ScriptedProvider provider = new ScriptedProvider();
  private final Configuration fast = Configuration.of(Map.of("tokenDelayMillis", "0"));

  @Test
  void echoesAndCountsWordsAsTokens() {
    ChatResponse response =
        provider
            .chatModel(ScriptedProvider.MODEL, fast)
            .chat(ChatRequest.builder().messages(UserMessage.from("hello there")).build());

    assertThat(response.aiMessage().text())
        .isEqualTo("This is the scripted offline model. You said: hello there");
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(2);
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(10);
  }

  @Test
  void callsAToolItIsAskedToUseAndRepeatsWhatTheToolAnswered() {
    ToolSpecification clock =
        ToolSpecification.builder().name("clock_now").description("time").build();
    ChatResponse call =
        provider
            .chatModel(ScriptedProvider.MODEL, fast)
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("Please use clock_now"))
                    .toolSpecifications(clock)
                    .build());
    assertThat(call.aiMessage().toolExecutionRequests()).hasSize(1);
    assertThat(call.aiMessage().toolExecutionRequests().get(0).name()).isEqualTo("clock_now");

    ChatResponse after =
        provider
            .chatModel(ScriptedProvider.MODEL, fast)
            .chat(
                ChatRequest.builder()
                    .messages(
                        UserMessage.from("Please use clock_now"),
                        call.aiMessage(),
                        ToolExecutionResultMessage.from(
                            call.aiMessage().toolExecutionRequests().get(0), "noon"))
                    .build());
    assertThat(after.aiMessage().text()).isEqualTo("The tool clock_now answered: noon");
  }

  @Test
  void followsItsPlanTurnByTurn() {
    Configuration planned =
        Configuration.of(
            Map.of("plan", "call: http_get {\"url\":\"https://example.com\"}\nsay: All done."));
    ChatResponse first =
        provider
            .chatModel(ScriptedProvider.MODEL, planned)
            .chat(ChatRequest.builder().messages(UserMessage.from("go")).build());
    assertThat(first.aiMessage().toolExecutionRequests().get(0).arguments())
        .isEqualTo("{\"url\":\"https://example.com\"}");

    ChatResponse second =
        provider
            .chatModel(ScriptedProvider.MODEL, planned)
            .chat(
                ChatRequest.builder()
                    .messages(UserMessage.from("go"), first.aiMessage(), UserMessage.from("and?"))
                    .build());
    assertThat(second.aiMessage().text()).isEqualTo("All done.");
  }

  @Test
  void streamsWordByWordAndThenTheWholeAnswer() throws Exception {
    List<String> parts = new ArrayList<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    provider
        .streamingChatModel(ScriptedProvider.MODEL, fast)
        .chat(
            ChatRequest.builder().messages(UserMessage.from("stream me")).build(),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(
                  PartialResponse partial, PartialResponseContext context) {
                parts.add(partial.text());
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
              }

              @Override
              public void onError(Throwable error) {
                done.completeExceptionally(error);
              }
            });

    AiMessage answer = done.get().aiMessage();
    assertThat(String.join("", parts)).isEqualTo(answer.text());
    assertThat(parts).hasSizeGreaterThan(5);
  }

  @Test
  void stopsStreamingWhenCancelled() {
    List<String> parts = new ArrayList<>();
    boolean[] completed = {false};
    provider
        .streamingChatModel(ScriptedProvider.MODEL, fast)
        .chat(
            ChatRequest.builder().messages(UserMessage.from("stop me early")).build(),
            new StreamingChatResponseHandler() {
              @Override
              public void onPartialResponse(
                  PartialResponse partial, PartialResponseContext context) {
                parts.add(partial.text());
                context.streamingHandle().cancel();
              }

              @Override
              public void onCompleteResponse(ChatResponse response) {
                completed[0] = true;
              }

              @Override
              public void onError(Throwable error) {}
            });

    assertThat(parts).hasSize(1);
    assertThat(completed[0]).isFalse();
  }
}
