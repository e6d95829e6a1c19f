package io.protohive.llm.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's wire format, read with a plain HTTP client: the details a LangChain4j client would
 * tolerate but other clients, and the gateway's tests, rely on.
 */
class OpenAiFakeServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM_WITH_USAGE =
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

  private final OpenAiFakeServer openAi = new OpenAiFakeServer();
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    openAi.close();
  }

  @Test
  void answersWithACompletionAndItsUsage() throws Exception {
    openAi.enqueue(OpenAiReply.text("Hi there", 7, 2));

    HttpResponse<String> response = post("/v1/chat/completions", "{\"model\":\"gpt-4o\"}");

    JsonNode body = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.path("object").asText()).isEqualTo("chat.completion");
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Hi there");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(9);
    assertThat(openAi.reportedUsage()).isEqualTo(new OpenAiUsage(7, 2));
  }

  @Test
  void streamsPiecesThenTheFinishThenUsageThenDone() throws Exception {
    openAi.enqueue(OpenAiReply.text("Hi there", 7, 2));

    List<String> events = events(post("/v1/chat/completions", STREAM_WITH_USAGE).body());

    assertThat(events).hasSize(6).last().isEqualTo("[DONE]");
    assertThat(JSON.readTree(events.get(0)).at("/choices/0/delta/role").asText())
        .isEqualTo("assistant");
    assertThat(JSON.readTree(events.get(1)).at("/choices/0/delta/content").asText())
        .isEqualTo("Hi ");
    assertThat(JSON.readTree(events.get(2)).at("/choices/0/delta/content").asText())
        .isEqualTo("there");
    assertThat(JSON.readTree(events.get(3)).at("/choices/0/finish_reason").asText())
        .isEqualTo("stop");
    JsonNode usage = JSON.readTree(events.get(4));
    assertThat(usage.path("choices")).isEmpty();
    assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(7);
    assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void reportsNoUsageInAStreamThatDidNotAskForIt() throws Exception {
    List<String> events =
        events(post("/v1/chat/completions", "{\"model\":\"m\",\"stream\":true}").body());

    assertThat(events).noneMatch(event -> event.contains("usage"));
    assertThat(openAi.reportedUsage().totalTokens()).isZero();
  }

  @Test
  void streamsToolCallArgumentsInFragments() throws Exception {
    String arguments = "{\"city\":\"Paris\",\"unit\":\"celsius\"}";
    openAi.enqueue(OpenAiReply.toolCall("weather", arguments));

    List<String> events = events(post("/v1/chat/completions", STREAM_WITH_USAGE).body());

    JsonNode start = JSON.readTree(events.get(1)).at("/choices/0/delta/tool_calls/0");
    assertThat(start.path("index").asInt()).isZero();
    assertThat(start.path("id").asText()).startsWith("call_");
    assertThat(start.at("/function/name").asText()).isEqualTo("weather");
    StringBuilder streamed = new StringBuilder();
    for (String event : events.subList(2, events.size() - 3)) {
      streamed.append(
          JSON.readTree(event).at("/choices/0/delta/tool_calls/0/function/arguments").asText());
    }
    assertThat(streamed).hasToString(arguments);
    assertThat(events.get(events.size() - 3)).contains("\"finish_reason\":\"tool_calls\"");
  }

  @Test
  void sendsOpenAisErrorBodyAndRetryAfter() throws Exception {
    openAi.enqueue(OpenAiReply.rateLimited(Duration.ofSeconds(20)));

    HttpResponse<String> response = post("/v1/chat/completions", "{}");

    JsonNode error = JSON.readTree(response.body()).path("error");
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("20");
    assertThat(error.path("type").asText()).isEqualTo("requests");
    assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.has("param")).isTrue();
    assertThat(error.path("message").asText()).contains("try again in 20s");
  }

  @Test
  void refusesAWrongKeyWhenOneIsRequired() throws Exception {
    openAi.requireApiKey("sk-right");

    HttpResponse<String> response =
        client.send(
            request("/v1/chat/completions", "{}")
                .header("Authorization", "Bearer sk-wrong")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_api_key");
    assertThat(openAi.lastRequest().header("authorization")).isEqualTo("Bearer sk-wrong");
  }

  @Test
  void answersUnknownPathsWith404() throws Exception {
    HttpResponse<String> response = post("/v1/responses", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("Invalid URL (POST /v1/responses)");
  }

  @Test
  void embedsEqualTextsEquallyAndEncodesBase64OnRequest() throws Exception {
    String request =
        "{\"model\":\"text-embedding-3-small\",\"input\":[\"a b\",\"a b\"],\"dimensions\":4}";
    JsonNode floats = JSON.readTree(post("/v1/embeddings", request).body());
    JsonNode base64 =
        JSON.readTree(
            post(
                    "/v1/embeddings",
                    "{\"model\":\"m\",\"input\":\"a b\",\"dimensions\":4,"
                        + "\"encoding_format\":\"base64\"}")
                .body());

    JsonNode first = floats.at("/data/0/embedding");
    assertThat(first).hasSize(4).isEqualTo(floats.at("/data/1/embedding"));
    assertThat(floats.at("/usage/prompt_tokens").asInt()).isEqualTo(4);
    float[] decoded = new float[4];
    ByteBuffer.wrap(Base64.getDecoder().decode(base64.at("/data/0/embedding").asText()))
        .order(ByteOrder.LITTLE_ENDIAN)
        .asFloatBuffer()
        .get(decoded);
    assertThat(decoded[0]).isEqualTo(first.get(0).floatValue());
    assertThat(openAi.embeddingCalls()).isEqualTo(2);
  }

  @Test
  void delaysTheFirstByte() throws Exception {
    openAi.enqueue(OpenAiReply.text("late").withFirstByteDelay(Duration.ofMillis(300)));

    long start = System.nanoTime();
    post("/v1/chat/completions", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
  }

  @Test
  void aHangingAnswerEndsWhenTheServerCloses() throws Exception {
    openAi.enqueue(OpenAiReply.hang());
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(
            request("/v1/chat/completions", "{}").build(), HttpResponse.BodyHandlers.ofString());
    await(() -> openAi.chatCompletionCalls() == 1);

    openAi.close();

    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IOException.class);
  }

  @Test
  void refusesToScriptAChatReplyForEmbeddings() {
    assertThatThrownBy(() -> openAi.enqueueEmbedding(OpenAiReply.text("no")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> openAi.enqueue(OpenAiReply.embedding()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return client.send(request(path, body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String body) {
    return HttpRequest.newBuilder(URI.create(openAi.baseUrl() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /** The {@code data:} payloads of a server-sent event stream. */
  private static List<String> events(String stream) {
    return stream
        .lines()
        .filter(line -> line.startsWith("data: "))
        .map(line -> line.substring("data: ".length()))
        .toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
