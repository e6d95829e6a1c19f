package io.protohive.kernel.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.llm.LlmProvider;
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
    return kept(provider, model, configuration, Kind.CHAT, ChatModel.class, LlmProvider::chatModel);
  }

  StreamingChatModel streaming(PluginProvider provider, String model, Configuration configuration) {
    return kept(
        provider,
        model,
        configuration,
        Kind.STREAMING,
        StreamingChatModel.class,
        LlmProvider::streamingChatModel);
  }

  EmbeddingModel embedding(PluginProvider provider, String model, Configuration configuration) {
    return kept(
        provider,
        model,
        configuration,
        Kind.EMBEDDING,
        EmbeddingModel.class,
        LlmProvider::embeddingModel);
  }

  /** How a provider builds one kind of model. */
  private interface Builder<M> {
    M build(LlmProvider provider, String model, Configuration configuration);
  }

  private <M> M kept(
      PluginProvider provider,
      String model,
      Configuration configuration,
      Kind kind,
      Class<M> type,
      Builder<M> builder) {
    Key key = new Key(provider.classLoader(), provider.provider().id(), model, configuration, kind);
    return type.cast(
        models.computeIfAbsent(key, k -> builder.build(provider.provider(), model, configuration)));
  }
}
