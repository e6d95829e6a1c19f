package io.protohive.llm.fakes;

import static io.protohive.llm.fakes.AnthropicOllamaHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Ollama fake answers on the wire as Ollama's native API does. */
class OllamaFakeServerTest {

  private static final String CHAT =
      "{\"model\":\"llama3.2\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]%s}";

  private final OllamaFakeServer fake = new OllamaFakeServer();
  private final AnthropicOllamaHttp http = new AnthropicOllamaHttp(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void answersAWholeChatWhenNotStreaming() {
    fake.enqueue(AnthropicOllamaReply.text("Hello there", 26, 2));

    JsonNode answer = json(http.post("/api/chat", CHAT.formatted(",\"stream\":false")).body());

    assertThat(answer.path("model").asText()).isEqualTo("llama3.2");
    assertThat(answer.path("message").path("role").asText()).isEqualTo("assistant");
    assertThat(answer.path("message").path("content").asText()).isEqualTo("Hello there");
    assertThat(answer.path("done").asBoolean()).isTrue();
    assertThat(answer.path("done_reason").asText()).isEqualTo("stop");
    assertThat(answer.path("prompt_eval_count").asInt()).isEqualTo(26);
    assertThat(answer.path("eval_count").asInt()).isEqualTo(2);
  }

  @Test
  void streamsNewlineDelimitedJsonByDefault() {
    fake.enqueue(AnthropicOllamaReply.pieces(List.of("Hel", "lo")).withUsage(5, 2));

    HttpResponse<String> response = http.post("/api/chat", CHAT.formatted(""));

    assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
    List<JsonNode> lines =
        Arrays.stream(response.body().split("\n")).map(AnthropicOllamaHttp::json).toList();
    assertThat(lines)
        .extracting(line -> line.path("message").path("content").asText())
        .containsExactly("Hel", "lo", "");
    assertThat(lines)
        .extracting(line -> line.path("done").asBoolean())
        .containsExactly(false, false, true);
    JsonNode last = lines.get(2);
    assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(5);
    assertThat(last.path("eval_count").asInt()).isEqualTo(2);
    assertThat(fake.usage()).isEqualTo(new AnthropicOllamaFakeServer.Usage(5, 2));
  }

  @Test
  void sendsToolCallArgumentsAsObjects() {
    fake.enqueue(AnthropicOllamaReply.toolCall("get_weather", "{\"city\":\"Paris\"}"));

    JsonNode call =
        json(http.post("/api/chat", CHAT.formatted(",\"stream\":false")).body())
            .path("message")
            .path("tool_calls")
            .get(0)
            .path("function");

    assertThat(call.path("name").asText()).isEqualTo("get_weather");
    assertThat(call.path("index").asInt()).isZero();
    assertThat(call.path("arguments").path("city").asText()).isEqualTo("Paris");
  }

  @Test
  void embedsEachInput() {
    JsonNode many =
        json(
            http.post("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":[\"a b\",\"c\"]}")
                .body());
    JsonNode one =
        json(http.post("/api/embed", "{\"model\":\"nomic-embed-text\",\"input\":\"c\"}").body());

    assertThat(many.path("embeddings")).hasSize(2);
    assertThat(many.path("embeddings").get(0)).hasSize(768);
    assertThat(many.path("prompt_eval_count").asInt()).isEqualTo(3);
    assertThat(one.path("embeddings").get(0)).isEqualTo(many.path("embeddings").get(1));
    assertThat(fake.usage()).isEqualTo(new AnthropicOllamaFakeServer.Usage(4, 0));
  }

  @Test
  void listsThePulledModels() {
    JsonNode defaults = json(http.get("/api/tags").body());
    fake.pulledModels("qwen2.5:7b");
    JsonNode changed = json(http.get("/api/tags").body());

    assertThat(defaults.path("models"))
        .extracting(m -> m.path("name").asText())
        .containsExactly("llama3.2:latest", "nomic-embed-text:latest");
    assertThat(changed.path("models").get(0).path("details").path("format").asText())
        .isEqualTo("gguf");
    assertThat(changed.path("models"))
        .extracting(m -> m.path("name").asText())
        .containsExactly("qwen2.5:7b");
  }

  @Test
  void sendsErrorsAsOllamaDoes() {
    fake.enqueue(OllamaFakeServer.modelNotFound("llama3.2"));

    HttpResponse<String> notFound = http.post("/api/chat", CHAT.formatted(""));
    HttpResponse<String> noModel = http.post("/api/chat", "{\"messages\":[]}");
    HttpResponse<String> noRoute = http.post("/api/nothing", "{}");

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(json(notFound.body()).path("error").asText())
        .isEqualTo("model \"llama3.2\" not found, try pulling it first");
    assertThat(noModel.statusCode()).isEqualTo(400);
    assertThat(json(noModel.body()).path("error").asText()).isEqualTo("model is required");
    assertThat(noRoute.statusCode()).isEqualTo(404);
  }

  @Test
  void reportsAnErrorInsideAStreamWhenScriptedSo() {
    fake.enqueue(OllamaFakeServer.serverError("llama runner process has terminated").inStream());

    HttpResponse<String> response = http.post("/api/chat", CHAT.formatted(""));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body().trim()).path("error").asText())
        .isEqualTo("llama runner process has terminated");
  }
}
