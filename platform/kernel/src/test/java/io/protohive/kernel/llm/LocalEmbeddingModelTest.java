package io.protohive.kernel.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEmbeddingModelTest {

  @TempDir Path cache;

  @Test
  void embedsOfflineSoThatRelatedSentencesAreCloserThanUnrelatedOnes() {
    List<Embedding> embeddings =
        new LocalEmbeddingModel(cache)
            .embed(
                List.of(
                    "The invoice is due at the end of the month.",
                    "Payment of the bill is expected by month end.",
                    "Penguins live in the southern hemisphere."));

    assertThat(embeddings).hasSize(3);
    assertThat(embeddings.get(0).dimension()).isEqualTo(LocalEmbeddingModel.DIMENSIONS);
    double related = CosineSimilarity.between(embeddings.get(0), embeddings.get(1));
    double unrelated = CosineSimilarity.between(embeddings.get(0), embeddings.get(2));
    assertThat(related).isGreaterThan(unrelated + 0.2);
  }

  /**
   * A server redeploys the application into a new class loader without restarting the JVM; the
   * model must load there as well, although the first loader still holds its native library.
   */
  @Test
  void loadsAgainInAnotherClassLoaderOfTheSameJvm() throws Exception {
    for (int deployment = 1; deployment <= 2; deployment++) {
      try (URLClassLoader application = isolatedClassLoader()) {
        Class<?> type = application.loadClass(LocalEmbeddingModel.class.getName());
        Object model = type.getConstructor(Path.class).newInstance(cache);
        List<?> embedded =
            (List<?>) type.getMethod("embed", List.class).invoke(model, List.of("hi"));
        assertThat(embedded).as("deployment %d", deployment).hasSize(1);
      }
    }
  }

  /** The test's class path, in a loader that shares nothing with this one but the JDK. */
  private static URLClassLoader isolatedClassLoader() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }
}
