package io.protohive.plugin.api.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ConfigurationProperty;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of language models, such as a vendor's API or a local server. Plugins register
 * implementations as OSGi services; the gateway builds models from a tenant's configuration.
 */
@ConsumerType
public interface LlmProvider {

  /** Stable identifier, unique across plugins, such as {@code openai}. */
  String id();

  /** Human-readable name shown in the UI. */
  String name();

  /** The settings a tenant fills in: API key (secret), base URL, timeouts. */
  List<ConfigurationProperty> configuration();

  /** The models this provider offers with the given configuration. */
  List<ModelInfo> models(Configuration configuration);

  ChatModel chatModel(String model, Configuration configuration);

  /** A model that streams its answer token by token. */
  default StreamingChatModel streamingChatModel(String model, Configuration configuration) {
    throw new UnsupportedOperationException(name() + " does not stream");
  }

  default EmbeddingModel embeddingModel(String model, Configuration configuration) {
    throw new UnsupportedOperationException(name() + " offers no embedding models");
  }
}
