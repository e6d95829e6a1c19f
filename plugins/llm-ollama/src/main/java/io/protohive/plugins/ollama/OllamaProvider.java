package io.protohive.plugins.ollama;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaEmbeddingModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Models served by an Ollama server through its native API: chat, streaming chat and embeddings.
 * Ollama's context window depends on how a model was pulled and run, so it is reported as unknown.
 *
 * <p>Models never retry by themselves: the platform's gateway retries and falls back to other
 * providers, and retries hidden inside a model would multiply its attempts and its latency. They
 * never log requests or responses either, which would put prompts and answers in the server log.
 * The HTTP client is named explicitly because LangChain4j's service lookup cannot see inside a
 * bundle.
 */
@Component(service = LlmProvider.class)
public final class OllamaProvider implements LlmProvider {

  public static final String ID = "ollama";

  private static final int UNKNOWN_CONTEXT_WINDOW = 0;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Ollama";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return OllamaSettings.PROPERTIES;
  }

  @Override
  public List<ModelInfo> models(Configuration configuration) {
    return ProviderSettings.models(
        configuration, OllamaSettings.PROPERTIES, UNKNOWN_CONTEXT_WINDOW);
  }

  @Override
  public ChatModel chatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OllamaSettings.PROPERTIES);
    return OllamaChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OllamaSettings.PROPERTIES);
    // the streaming builder has no maxRetries: a stream is never retried by LangChain4j
    return OllamaStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .modelName(model)
        .timeout(settings.timeout())
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public EmbeddingModel embeddingModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, OllamaSettings.PROPERTIES);
    return OllamaEmbeddingModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
