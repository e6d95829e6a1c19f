package io.protohive.llm.fakes;

import static io.protohive.llm.fakes.AnthropicOllamaHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Anthropic fake answers on the wire as the Messages API does. */
class AnthropicFakeServerTest {

  private static final String[] HEADERS = {"x-api-key", "key", "anthropic-version", "2023-06-01"};
  private static final String REQUEST =
      "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":100,"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]%s}";

  private final AnthropicFakeServer fake = new AnthropicFakeServer();
  private final AnthropicOllamaHttp http = new AnthropicOllamaHttp(fake);

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void refusesRequestsWithoutKeyVersionOrTokenLimitBeforeTakingAReply() {
    fake.enqueue(AnthropicOllamaReply.text("kept"));

    HttpResponse<String> noKey =
        http.post("/v1/messages", request(""), "anthropic-version", "2023-06-01");
    HttpResponse<String> noVersion = http.post("/v1/messages", request(""), "x-api-key", "key");
    HttpResponse<String> noLimit =
        http.post("/v1/messages", "{\"model\":\"m\",\"messages\":[]}", HEADERS);

    assertThat(noKey.statusCode()).isEqualTo(401);
    assertThat(json(noKey.body()).path("error").path("type").asText())
        .isEqualTo("authentication_error");
    assertThat(noVersion.statusCode()).isEqualTo(400);
    assertThat(noLimit.statusCode()).isEqualTo(400);
    assertThat(json(noLimit.body()).path("error").path("message").asText())
        .isEqualTo("max_tokens: Field required");
    assertThat(fake.pendingReplies()).isEqualTo(1);
  }

  @Test
  void answersAWholeMessage() {
    fake.enqueue(AnthropicOllamaReply.text("Hello there", 12, 2));

    JsonNode message = json(http.post("/v1/messages", request(""), HEADERS).body());

    assertThat(message.path("type").asText()).isEqualTo("message");
    assertThat(message.path("role").asText()).isEqualTo("assistant");
    assertThat(message.path("model").asText()).isEqualTo("claude-3-5-haiku-latest");
    assertThat(message.path("content").get(0).path("type").asText()).isEqualTo("text");
    assertThat(message.path("content").get(0).path("text").asText()).isEqualTo("Hello there");
    assertThat(message.path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(message.path("usage").path("input_tokens").asInt()).isEqualTo(12);
    assertThat(message.path("usage").path("output_tokens").asInt()).isEqualTo(2);
  }

  @Test
  void streamsTheEventsOfTheMessagesApiInOrder() {
    fake.enqueue(AnthropicOllamaReply.pieces(List.of("Hel", "lo")).withUsage(9, 2));

    HttpResponse<String> response = http.post("/v1/messages", request(",\"stream\":true"), HEADERS);

    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<Event> events = Event.parse(response.body());
    assertThat(events)
        .extracting(Event::name)
        .containsExactly(
            "message_start",
            "content_block_start",
            "ping",
            "content_block_delta",
            "content_block_delta",
            "content_block_stop",
            "message_delta",
            "message_stop");
    assertThat(events.get(0).data().path("message").path("usage").path("input_tokens").asInt())
        .isEqualTo(9);
    assertThat(events.get(3).data().path("delta").path("type").asText()).isEqualTo("text_delta");
    assertThat(events.get(4).data().path("delta").path("text").asText()).isEqualTo("lo");
    JsonNode messageDelta = events.get(6).data();
    assertThat(messageDelta.path("delta").path("stop_reason").asText()).isEqualTo("end_turn");
    assertThat(messageDelta.path("usage").path("output_tokens").asInt()).isEqualTo(2);
    assertThat(fake.usage()).isEqualTo(new AnthropicOllamaFakeServer.Usage(9, 2));
  }

  @Test
  void streamsToolUseAsInputJsonDeltas() {
    String arguments = "{\"city\":\"Paris, France\",\"unit\":\"celsius\"}";
    fake.enqueue(AnthropicOllamaReply.toolCall("get_weather", arguments));

    List<Event> events =
        Event.parse(http.post("/v1/messages", request(",\"stream\":true"), HEADERS).body());

    JsonNode block = events.get(1).data().path("content_block");
    assertThat(block.path("type").asText()).isEqualTo("tool_use");
    assertThat(block.path("name").asText()).isEqualTo("get_weather");
    assertThat(block.path("id").asText()).startsWith("toolu_");
    StringBuilder streamed = new StringBuilder();
    events.stream()
        .filter(e -> e.name().equals("content_block_delta"))
        .map(e -> e.data().path("delta"))
        .peek(delta -> assertThat(delta.path("type").asText()).isEqualTo("input_json_delta"))
        .forEach(delta -> streamed.append(delta.path("partial_json").asText()));
    assertThat(streamed).hasToString(arguments);
    assertThat(events.get(events.size() - 2).data().path("delta").path("stop_reason").asText())
        .isEqualTo("tool_use");
  }

  @Test
  void sendsErrorsAsTheServiceDoes() {
    fake.enqueue(AnthropicFakeServer.rateLimitError(), AnthropicFakeServer.overloadedError());

    HttpResponse<String> limited = http.post("/v1/messages", request(""), HEADERS);
    HttpResponse<String> overloaded = http.post("/v1/messages", request(""), HEADERS);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("30");
    JsonNode body = json(limited.body());
    assertThat(body.path("type").asText()).isEqualTo("error");
    assertThat(body.path("error").path("type").asText()).isEqualTo("rate_limit_error");
    assertThat(overloaded.statusCode()).isEqualTo(529);
    assertThat(json(overloaded.body()).path("error").path("type").asText())
        .isEqualTo("overloaded_error");
  }

  @Test
  void reportsAnErrorInsideAStreamWhenScriptedSo() {
    fake.enqueue(AnthropicFakeServer.overloadedError().inStream());

    HttpResponse<String> response = http.post("/v1/messages", request(",\"stream\":true"), HEADERS);

    assertThat(response.statusCode()).isEqualTo(200);
    List<Event> events = Event.parse(response.body());
    assertThat(events).extracting(Event::name).containsExactly("message_start", "error");
    assertThat(events.get(1).data().path("error").path("type").asText())
        .isEqualTo("overloaded_error");
  }

  @Test
  void waitsBeforeAnsweringWhenScriptedSo() {
    fake.enqueue(AnthropicOllamaReply.text("late").withFirstByteDelay(Duration.ofMillis(300)));

    long start = System.nanoTime();
    http.post("/v1/messages", request(""), HEADERS);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void releasesAHangingAnswerWhenClosed() {
    fake.enqueue(AnthropicOllamaReply.hang());
    CompletableFuture<HttpResponse<String>> response =
        http.postAsync("/v1/messages", request(""), HEADERS);

    fake.close();

    assertThat(response).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(Exception.class);
  }

  @Test
  void givesEachOfManyConcurrentRequestsItsOwnReply() {
    List<String> texts = IntStream.range(0, 16).mapToObj(i -> "reply " + i).toList();
    texts.forEach(text -> fake.enqueue(AnthropicOllamaReply.text(text, 1, 2)));

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    texts.forEach(t -> responses.add(http.postAsync("/v1/messages", request(""), HEADERS)));

    assertThat(responses)
        .extracting(r -> json(r.join().body()).path("content").get(0).path("text").asText())
        .containsExactlyInAnyOrderElementsOf(texts);
    assertThat(fake.usage()).isEqualTo(new AnthropicOllamaFakeServer.Usage(16, 32));
  }

  @Test
  void answersADefaultTextWhenNothingIsScripted() {
    HttpResponse<String> response = http.post("/v1/messages", request(""), HEADERS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response.body()).path("content").get(0).path("text").asText()).isNotBlank();
  }

  @Test
  void saysSoWhenAReplyDoesNotSuitTheRequest() {
    fake.enqueue(AnthropicOllamaReply.embedding());

    HttpResponse<String> response = http.post("/v1/messages", request(""), HEADERS);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response.body()).path("error").path("message").asText())
        .contains("EMBEDDING", "CHAT");
  }

  private static String request(String extraFields) {
    return REQUEST.formatted(extraFields);
  }

  /** One server-sent event. */
  private record Event(String name, JsonNode data) {

    static List<Event> parse(String stream) {
      List<Event> events = new ArrayList<>();
      for (String block : stream.split("\n\n")) {
        String[] lines = block.split("\n");
        events.add(
            new Event(
                lines[0].substring("event: ".length()),
                json(lines[1].substring("data: ".length()))));
      }
      return events;
    }
  }
}
