package io.protohive.plugins.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.protohive.plugin.api.Configuration;
import java.util.Map;
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
}
