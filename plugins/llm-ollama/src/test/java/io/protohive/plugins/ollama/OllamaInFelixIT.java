package io.protohive.plugins.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.TokenUsage;
import io.protohive.llm.fakes.AnthropicOllamaReply;
import io.protohive.llm.fakes.OllamaFakeServer;
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
 * builds models from the bundle's own classes that stream chat and embed through the fake server.
 */
class OllamaInFelixIT {

  @TempDir Path work;

  private PluginSandbox sandbox;
  private final OllamaFakeServer fake = new OllamaFakeServer();
  private PluginProvider ollama;

  @BeforeEach
  void install() throws Exception {
    Path jar = Path.of(System.getProperty(PluginContract.JAR_PROPERTY));
    sandbox = PluginSandbox.start(work, PluginSandbox.signerOf(jar));
    sandbox.install(jar);
    ollama =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    sandbox.host().providers().stream()
                        .filter(p -> p.provider().id().equals(OllamaProvider.ID))
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
                  ollama
                      .provider()
                      .streamingChatModel(TenantSettings.MODEL, TenantSettings.pointingAt(fake));
              streaming.chat(
                  ChatRequest.builder().messages(UserMessage.from("Hi")).build(), recorder);
              return streaming;
            });

    ChatResponse response = recorder.response();
    assertThat(model.getClass().getClassLoader()).isSameAs(ollama.classLoader());
    assertThat(recorder.partials).containsExactly("Hello", " from", " Felix");
    assertThat(response.aiMessage().text()).isEqualTo("Hello from Felix");
    assertThat(response.tokenUsage())
        .extracting(TokenUsage::inputTokenCount, TokenUsage::outputTokenCount)
        .containsExactly(7, 3);
  }

  @Test
  void embedsThroughTheBundlesProvider() {
    EmbeddingModel model =
        inBundleContext(
            () ->
                ollama
                    .provider()
                    .embeddingModel(
                        TenantSettings.EMBEDDING_MODEL, TenantSettings.pointingAt(fake)));

    Embedding embedding = inBundleContext(() -> model.embed("hello").content());

    assertThat(model.getClass().getClassLoader()).isSameAs(ollama.classLoader());
    assertThat(embedding.vector()).containsExactly(OllamaFakeServer.embeddingOf("hello"));
  }

  /** Runs a call the way the platform calls plugins: with the bundle's class loader. */
  private <T> T inBundleContext(Supplier<T> call) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ollama.classLoader());
    try {
      return call.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
