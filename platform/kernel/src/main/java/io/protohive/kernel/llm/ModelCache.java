package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.pluginhost.PluginProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The models the gateway built, kept for reuse: a provider's model holds an HTTP client with
 * threads of its own, so building one per call would be slow and leave threads behind. A model is
 * kept per bundle class loader, provider, model name and configuration, so a plugin update or a
 * changed setting builds a new one; the least recently used beyond {@value #CAPACITY} are dropped.
 */
final class ModelCache {

  static final int CAPACITY = 128;

  private record Key(
      ClassLoader loader,
      String providerId,
      String model,
      Configuration configuration,
      Kind kind) {}

  private enum Kind {
    CHAT,
    STREAMING,
    EMBEDDING
  }

  private final Map<Key, Object> models =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
              return size() > CAPACITY;
            }
          });

  ChatModel chat(PluginProvider provider, String model, Configuration configuration) {
    return (ChatModel)
        models.computeIfAbsent(
            new Key(
                provider.classLoader(), provider.provider().id(), model, configuration, Kind.CHAT),
            key -> provider.provider().chatModel(model, configuration));
  }

  StreamingChatModel streaming(PluginProvider provider, String model, Configuration configuration) {
    return (StreamingChatModel)
        models.computeIfAbsent(
            new Key(
                provider.classLoader(),
                provider.provider().id(),
                model,
                configuration,
                Kind.STREAMING),
            key -> provider.provider().streamingChatModel(model, configuration));
  }

  EmbeddingModel embedding(PluginProvider provider, String model, Configuration configuration) {
    return (EmbeddingModel)
        models.computeIfAbsent(
            new Key(
                provider.classLoader(),
                provider.provider().id(),
                model,
                configuration,
                Kind.EMBEDDING),
            key -> provider.provider().embeddingModel(model, configuration));
  }
}
