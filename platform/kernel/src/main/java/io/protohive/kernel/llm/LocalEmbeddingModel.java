package io.protohive.kernel.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;

/**
 * The default embedding model: all-MiniLM-L6-v2, quantized, running in process on ONNX Runtime,
 * offline. It is loaded on first use (about a second), not at start. Its tokenizer's native library
 * is unpacked under the given folder rather than the user's home, which a server's user may not be
 * able to write.
 *
 * <p>Thread-safe.
 */
public final class LocalEmbeddingModel {

  public static final String PROVIDER = "local";
  public static final String MODEL = "all-minilm-l6-v2-q";
  public static final int DIMENSIONS = 384;

  private final Path nativeCache;
  private volatile EmbeddingModel model;

  public LocalEmbeddingModel(Path nativeCache) {
    this.nativeCache = nativeCache;
  }

  public List<Embedding> embed(List<String> texts) {
    return model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
  }

  private EmbeddingModel model() {
    EmbeddingModel loaded = model;
    if (loaded == null) {
      synchronized (this) {
        loaded = model;
        if (loaded == null) {
          if (System.getProperty("DJL_CACHE_DIR") == null
              && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", nativeCache.toString());
          }
          loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
          model = loaded;
        }
      }
    }
    return loaded;
  }
}
