package io.protohive.plugins.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.llm.fakes.AnthropicFakeServer;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.plugin.testkit.PluginContract;
import io.protohive.plugin.testkit.PluginSandbox;
import io.protohive.plugin.testkit.StreamRecorder;
import io.protohive.pluginhost.PluginProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle works inside Felix with the host's LangChain4j: its provider, found through the host,
 * builds a streaming model from the bundle's own classes that streams from the fake server.
 */
class AnthropicInFelixIT {

  @TempDir Path work;

  private PluginSandbox sandbox;
  private final AnthropicFakeServer fake = new AnthropicFakeServer();
  private PluginProvider anthropic;

  @BeforeEach
  void install() throws Exception {
    Path jar = Path.of(System.getProperty(PluginContract.JAR_PROPERTY));
    sandbox = PluginSandbox.start(work, PluginSandbox.signerOf(jar));
    sandbox.install(jar);
    anthropic =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sandbox.host().providers().stream()
                        .filter(p -> p.provider().id().equals(AnthropicProvider.ID))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
  }

  @AfterEach
  void close() {
    fake.close();
    sandbox.close();
  }

  @Test
  void streamsThroughTheBundlesProvider() throws Exception {
    fake.enqueue(AnthropicOllamaReply.pieces(List.of("Hello", " from", " Felix")).withUsage(7, 3));
    StreamRecorder recorder = new StreamRecorder();

    StreamingChatModel model =
        inBundleContext(
            () -> {
              StreamingChatModel streaming =
                  anthropic
                      .provider()
                      .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake));
              streaming.chat(
                  ChatRequest.builder().messages(UserMessage.from("Hi")).build(), recorder);
              return streaming;
            });

    ChatResponse response = recorder.response();
    assertThat(model.getClass().getClassLoader()).isSameAs(anthropic.classLoader());
    assertThat(recorder.partials).containsExactly("Hello", " from", " Felix");
    assertThat(response.aiMessage().text()).isEqualTo("Hello from Felix");
    assertThat(response.tokenUsage())
        .extracting(TokenUsage::inputTokenCount, TokenUsage::outputTokenCount)
        .containsExactly(7, 3);
    assertThat(fake.lastRequest().header("x-api-key")).isEqualTo(TenantSettings.API_KEY);
  }

  /** Runs a call the way the platform calls plugins: with the bundle's class loader. */
  private <T> T inBundleContext(Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(anthropic.classLoader());
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
