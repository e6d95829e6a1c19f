package io.protohive.kernel.memory;

import dev.langchain4j.data.embedding.Embedding;
import io.protohive.kernel.llm.LocalEmbeddingModel;
import java.util.List;
import java.util.stream.Stream;

/** Where the benchmark's memory and query vectors come from. */
sealed interface MemoryVectors permits MemoryVectors.Embedded, ClusteredVectors {

  /** Vectors for memories with these texts, one each. */
  List<float[]> memories(List<String> texts);

  /** Vectors of questions an agent asks its memory. */
  List<float[]> queries(int count);

  /**
   * Real embeddings by the in-process model: the memories' sentences, and questions phrased unlike
   * them. As close to an agent's memory as generated text gets, at the model's speed (about 1,100
   * texts a second on 2 idle cores).
   */
  record Embedded(LocalEmbeddingModel model, MemorySentences questions) implements MemoryVectors {

    @Override
    public List<float[]> memories(List<String> texts) {
      return embed(model, texts);
    }

    @Override
    public List<float[]> queries(int count) {
      return embed(model, Stream.generate(questions::question).limit(count).toList());
    }
  }

  static List<float[]> embed(LocalEmbeddingModel model, List<String> texts) {
    return model.embed(texts).stream().map(Embedding::vector).toList();
  }
}
