package io.protohive.kernel.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The default embedding model: all-MiniLM-L6-v2, quantized, running in process on ONNX Runtime,
 * offline. It is loaded on first use (about a second), not at start.
 *
 * <p>Its tokenizer's native library is unpacked under the given folder rather than the user's home,
 * which a server's user may not be able to write, and into a folder of its own for each load: the
 * JVM binds a native library's path to the first class loader that loads it, so an application
 * redeployed into a running server (a new class loader) must load its own copy. Copies of earlier
 * loads are deleted; a copy still mapped by an old class loader stays valid until it unloads.
 *
 * <p>Thread-safe.
 */
public final class LocalEmbeddingModel {

  public static final String PROVIDER = "local";
  public static final String MODEL = "all-minilm-l6-v2-q";
  public static final int DIMENSIONS = 384;

  /** Where DJL unpacks native libraries; read by DJL on every load. */
  private static final String ENGINE_CACHE_PROPERTY = "ENGINE_CACHE_DIR";

  private static final String LOAD_PREFIX = "load-";

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
          System.setProperty(ENGINE_CACHE_PROPERTY, freshEngineCache().toString());
          loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
          model = loaded;
        }
      }
    }
    return loaded;
  }

  private Path freshEngineCache() {
    try {
      Files.createDirectories(nativeCache);
      try (Stream<Path> earlier = Files.list(nativeCache)) {
        earlier
            .filter(folder -> folder.getFileName().toString().startsWith(LOAD_PREFIX))
            .forEach(LocalEmbeddingModel::deleteQuietly);
      }
      return Files.createTempDirectory(nativeCache, LOAD_PREFIX);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the embedding model's native folder", e);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // an earlier load's files are only litter; the next load tries again
    }
  }
}
