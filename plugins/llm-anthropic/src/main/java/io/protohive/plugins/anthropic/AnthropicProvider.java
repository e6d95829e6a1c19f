package io.protohive.plugins.anthropic;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.plugin.api.llm.ProviderSettings;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * Claude models through Anthropic's Messages API, blocking and streaming. Anthropic offers no
 * embedding models, so {@link #embeddingModel} keeps the SPI's refusal.
 *
 * <p>Models never retry by themselves: the platform's gateway retries and falls back to other
 * providers, and retries hidden inside a model would multiply its attempts and its latency. They
 * never log requests or responses either, which would put prompts and answers in the server log.
 * The HTTP client is named explicitly because LangChain4j's service lookup cannot see inside a
 * bundle.
 */
@Component(service = LlmProvider.class)
public final class AnthropicProvider implements LlmProvider {

  public static final String ID = "anthropic";

  /** The context window of every Claude model since Claude 3. */
  static final int CONTEXT_WINDOW = 200_000;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Anthropic";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return AnthropicSettings.PROPERTIES;
  }

  @Override
  public List<ModelInfo> models(Configuration configuration) {
    return ProviderSettings.models(configuration, AnthropicSettings.PROPERTIES, CONTEXT_WINDOW);
  }

  @Override
  public ChatModel chatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, AnthropicSettings.PROPERTIES);
    return AnthropicChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .maxTokens(configuration.integer(AnthropicSettings.MAX_TOKENS))
        .timeout(settings.timeout())
        .maxRetries(0)
        .logRequests(false)
        .logResponses(false)
        .build();
  }

  @Override
  public StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    ProviderSettings settings = ProviderSettings.from(configuration, AnthropicSettings.PROPERTIES);
    // the streaming builder has no maxRetries: a stream is never retried by LangChain4j
    return AnthropicStreamingChatModel.builder()
        .httpClientBuilder(JdkHttpClient.builder())
        .baseUrl(settings.baseUrl())
        .apiKey(settings.apiKey())
        .modelName(model)
        .maxTokens(configuration.integer(AnthropicSettings.MAX_TOKENS))
        .timeout(settings.timeout())
        .logRequests(false)
        .logResponses(false)
        .build();
  }
}
