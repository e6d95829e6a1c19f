package io.protohive.plugins.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import io.protohive.llm.fakes.AnthropicOllamaFakeServer.Usage;
import io.protohive.llm.fakes.OllamaFakeServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Embeddings through the provider's model, against the fake Ollama. */
class OllamaEmbeddingTest {

  private final OllamaProvider provider = new OllamaProvider();
  private final OllamaFakeServer fake = new OllamaFakeServer();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void embedsEveryTextInOneRequest() {
    List<Embedding> embeddings =
        provider
            .embeddingModel(TenantSettings.EMBEDDING_MODEL, TenantSettings.pointingAt(fake))
            .embedAll(List.of(TextSegment.from("the cat sat"), TextSegment.from("on the mat")))
            .content();

    assertThat(embeddings)
        .extracting(Embedding::vector)
        .containsExactly(
            OllamaFakeServer.embeddingOf("the cat sat"),
            OllamaFakeServer.embeddingOf("on the mat"));
    assertThat(embeddings.get(0).dimension()).isEqualTo(768);
    assertThat(fake.requests()).hasSize(1);
    var request = fake.lastRequest();
    assertThat(request.path()).isEqualTo("/api/embed");
    assertThat(request.json().path("model").asText()).isEqualTo(TenantSettings.EMBEDDING_MODEL);
    assertThat(request.json().path("input")).hasSize(2);
    assertThat(fake.usage()).isEqualTo(new Usage(6, 0));
  }

  @Test
  void embedsOneText() {
    Embedding embedding =
        provider
            .embeddingModel(TenantSettings.EMBEDDING_MODEL, TenantSettings.pointingAt(fake))
            .embed("hello")
            .content();

    assertThat(embedding.vector()).containsExactly(OllamaFakeServer.embeddingOf("hello"));
  }
}
