package io.protohive.plugins.openai;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Chat and embedding models of any server that speaks OpenAI's Chat Completions and Embeddings
 * APIs: OpenAI itself, Azure OpenAI, vLLM, Ollama, LM Studio. Context windows are reported as
 * unknown, since the same model name can mean different models on different servers.
 *
 * <p>Models never retry by themselves: the platform's gateway retries and falls back to other
 * providers, and retries hidden inside a model would multiply its attempts and its latency. They
 * never log requests or responses either, which would put prompts, answers and the API key in the
 * server log. The HTTP client is named explicitly because LangChain4j's service lookup cannot see
 * inside a bundle. Streaming models ask for {@code usage} at the end of every stream (LangChain4j
 * always sets {@code stream_options.include_usage}), so streamed answers are metered too.
 */
@Component(service = LlmProvider.class)
public final class OpenAiProvider implements LlmProvider {

  public static final String ID = "openai";

  /** What {@link ModelInfo} means by an unknown context window. */
  private static final int UNKNOWN_CONTEXT_WINDOW = 0;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "OpenAI-compatible";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return OpenAiSettings.PROPERTIES;
  }

  @Override
  public List<ModelInfo> models(Configuration configuration) {
    return ProviderSettings.models(
        configuration, OpenAiSettings.PROPERTIES, UNKNOWN_CONTEXT_WINDOW);
  }

  @Override
  public ChatModel chatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OpenAiSettings.PROPERTIES);
    return OpenAiChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OpenAiSettings.PROPERTIES);
    // the streaming builder has no maxRetries: a stream is never retried by LangChain4j
    return OpenAiStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .timeout(settings.timeout())
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public EmbeddingModel embeddingModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OpenAiSettings.PROPERTIES);
    return OpenAiEmbeddingModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
