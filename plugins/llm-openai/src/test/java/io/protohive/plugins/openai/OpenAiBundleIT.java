package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.testkit.PluginContract;
import io.protohive.plugin.testkit.PluginSandbox;
import io.protohive.plugin.testkit.StreamRecorder;
import io.protohive.pluginhost.PluginProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged bundle's provider builds models that work inside the plugin host: its own classes
 * from the nested jars, LangChain4j's core from the host, so that the gateway receives the host's
 * {@code ChatModel} and exception types. Models are built and called with the bundle's class loader
 * as context class loader, as the platform calls them.
 */
class OpenAiBundleIT {

  private static final Duration START = Duration.ofSeconds(10);

  @TempDir Path work;

  private final OpenAiFakeServer openAi = new OpenAiFakeServer();
  private PluginSandbox sandbox;
  private PluginProvider installed;

  @BeforeEach
  void install() throws Exception {
    Path jar = Path.of(System.getProperty(PluginContract.JAR_PROPERTY));
    sandbox = PluginSandbox.start(work, PluginSandbox.signerOf(jar));
    sandbox.install(jar);
    installed =
        await().atMost(START).until(this::openAiProvider, Optional::isPresent).orElseThrow();
  }

  @AfterEach
  void close() {
    if (sandbox != null) {
      sandbox.close();
    }
    openAi.close();
  }

  @Test
  void buildsModelsFromTheBundlesOwnClasses() throws Exception {
    ChatModel model = inBundle(() -> installed.provider().chatModel("gpt-4o-mini", tenant()));

    assertThat(model.getClass().getName())
        .isEqualTo("dev.langchain4j.model.openai.OpenAiChatModel");
    assertThat(model.getClass().getClassLoader()).isSameAs(installed.classLoader());
    assertThat(installed.pluginId()).isEqualTo("io.protohive.plugins.llm-openai");
  }

  @Test
  void chats() throws Exception {
    openAi.enqueue(OpenAiReply.text("Hello from inside the bundle.", 8, 6));
    ChatModel model = inBundle(() -> installed.provider().chatModel("gpt-4o-mini", tenant()));

    ChatResponse response = inBundle(() -> model.chat(OpenAiFakeFixture.ask("Hello?")));

    assertThat(response.aiMessage().text()).isEqualTo("Hello from inside the bundle.");
    assertThat(response.tokenUsage().totalTokenCount()).isEqualTo(14);
  }

  @Test
  void streamsTextAndToolCalls() throws Exception {
    openAi.enqueue(
        OpenAiReply.pieces(List.of("Stre", "amed", " here")).withUsage(5, 3),
        OpenAiReply.toolCall("weather", "{\"city\":\"Paris\"}"));
    StreamingChatModel model =
        inBundle(() -> installed.provider().streamingChatModel("gpt-4o-mini", tenant()));
    StreamRecorder text = new StreamRecorder();
    StreamRecorder toolCall = new StreamRecorder();

    inBundle(() -> stream(model, OpenAiFakeFixture.ask("Stream, please"), text));
    ChatResponse textResponse = text.response();
    inBundle(() -> stream(model, OpenAiFakeFixture.askForWeather(), toolCall));
    ChatResponse toolResponse = toolCall.response();

    assertThat(text.partials).containsExactly("Stre", "amed", " here");
    assertThat(textResponse.aiMessage().text()).isEqualTo("Streamed here");
    assertThat(textResponse.tokenUsage().totalTokenCount()).isEqualTo(8);
    assertThat(toolResponse.aiMessage().toolExecutionRequests())
        .extracting(ToolExecutionRequest::arguments)
        .containsExactly("{\"city\":\"Paris\"}");
  }

  @Test
  void embeds() throws Exception {
    EmbeddingModel model =
        inBundle(() -> installed.provider().embeddingModel("text-embedding-3-small", tenant()));

    Embedding embedding = inBundle(() -> model.embed("hello").content());

    assertThat(embedding.dimension()).isEqualTo(1536);
  }

  @Test
  void reportsARateLimitAsTheHostsExceptionType() throws Exception {
    openAi.enqueue(OpenAiReply.rateLimited(Duration.ofSeconds(1)));
    ChatModel model = inBundle(() -> installed.provider().chatModel("gpt-4o-mini", tenant()));

    Throwable thrown = catchThrowable(() -> inBundle(() -> model.chat("Hello?")));

    assertThat(thrown).isInstanceOf(RateLimitException.class);
  }

  private Configuration tenant() {
    return Configuration.of(
        Map.of("apiKey", OpenAiFakeFixture.API_KEY, "baseUrl", openAi.apiBaseUrl()));
  }

  private Optional<PluginProvider> openAiProvider() {
    return sandbox.host().providers().stream()
        .filter(provider -> provider.provider().id().equals(OpenAiProvider.ID))
        .findFirst();
  }

  private static Void stream(StreamingChatModel model, ChatRequest request, StreamRecorder answer) {
    model.chat(request, answer);
    return null;
  }

  /** Runs an action with the bundle's class loader as context class loader. */
  private <T> T inBundle(Callable<T> action) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(installed.classLoader());
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
