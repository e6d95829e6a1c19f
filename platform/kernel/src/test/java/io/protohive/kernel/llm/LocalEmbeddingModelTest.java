package io.protohive.kernel.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import java.nio.file.Path;
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
}
