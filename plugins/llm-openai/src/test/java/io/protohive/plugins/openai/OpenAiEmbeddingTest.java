package io.protohive.plugins.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Embedding models against OpenAI's Embeddings API. */
class OpenAiEmbeddingTest extends OpenAiFakeFixture {

  @Test
  void embedsEverySegmentWithTheUsageTheServerReported() {
    EmbeddingModel model = provider.embeddingModel(EMBEDDING_MODEL, configuration());

    Response<List<Embedding>> response =
        model.embedAll(
            List.of(
                TextSegment.from("the weather in Paris"),
                TextSegment.from("sunny"),
                TextSegment.from("the weather in Paris")));

    assertThat(response.content()).hasSize(3);
    assertThat(response.content()).allSatisfy(e -> assertThat(e.dimension()).isEqualTo(1536));
    assertThat(response.content().get(0).vector()).isEqualTo(response.content().get(2).vector());
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(9);
    assertThat(openAi.reportedUsage().promptTokens()).isEqualTo(9);
  }

  @Test
  void sendsTheModelAndTheTextsInOneRequest() {
    provider.embeddingModel("text-embedding-3-large", configuration()).embed("hello");

    JsonNode body = openAi.lastRequest().json();
    assertThat(openAi.lastRequest().path()).isEqualTo("/v1/embeddings");
    assertThat(openAi.lastRequest().header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(body.path("model").asText()).isEqualTo("text-embedding-3-large");
    assertThat(body.path("input").get(0).asText()).isEqualTo("hello");
    assertThat(openAi.embeddingCalls()).isEqualTo(1);
  }
}
