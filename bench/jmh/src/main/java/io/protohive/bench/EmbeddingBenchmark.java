package io.protohive.bench;

import dev.langchain4j.data.embedding.Embedding;
import io.protohive.kernel.llm.LocalEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texts embedded per second by the default in-process model (quantized all-MiniLM-L6-v2 on ONNX
 * Runtime), one text per call and 32 per call. Each text is a sentence of about 20 words.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EmbeddingBenchmark {

  @Param({"1", "32"})
  int batch;

  private LocalEmbeddingModel model;
  private List<String> texts;

  @Setup
  public void load() throws IOException {
    model = new LocalEmbeddingModel(Files.createTempDirectory("djl"));
    texts = new ArrayList<>();
    for (int i = 0; i < batch; i++) {
      texts.add(
          "Sentence number "
              + i
              + " tells the agent that the quarterly report for the marketing team is due on"
              + " Friday afternoon.");
    }
    model.embed(texts);
  }

  /** One call; the score is calls per second, so texts per second is the score times the batch. */
  @Benchmark
  public List<Embedding> embed() {
    return model.embed(texts);
  }
}
