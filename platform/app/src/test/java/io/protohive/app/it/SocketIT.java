package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.kernel.conversation.ConversationEvents;
import io.protohive.kernel.task.TaskEvents;
import io.protohive.llm.fakes.OpenAiFakeServer;
import io.protohive.llm.fakes.OpenAiReply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conversation socket: an agent's answer streams as events in order, a client that reconnects
 * with the last event id it saw receives exactly the rest, and bad frames and tokens are answered
 * without harm.
 */
@ExtendWith(ArquillianExtension.class)
class SocketIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private String token;
  private String[] owner;
  private String organization;
  private String conversation;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void conversationWithTheScriptedModel() throws Exception {
    owner = PluginsApi.newTenantAdmin("socket");
    token = owner[1].substring("Bearer ".length());
    PluginsApi.configure("io.protohive.plugins.llm-scripted", "{\"enabled\":true}", owner);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        owner);
    organization =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Desk\",\"template\":\"customer-support\"}",
                    owner))
            .get("id")
            .asText();
    String agent =
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    conversation =
        Platform.json(
                Platform.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\""
                        + organization
                        + "\",\"agentIds\":[\""
                        + agent
                        + "\"]}",
                    owner))
            .get("id")
            .asText();
  }

  @Test
  void anAnswerStreamsInOrderAndAReconnectResumesWithoutGapOrDuplicate() throws Exception {
    Frames first = connect(token);
    first.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(first.next().get("type").asText()).isEqualTo("subscribed");

    Platform.post(
        "api/v1/conversations/" + conversation + "/messages",
        "{\"content\":\"please stream a long enough answer\"}",
        "Authorization",
        "Bearer " + token);
    List<JsonNode> events = first.until("message.completed");

    assertThat(events.get(0).get("type").asText()).isEqualTo("message.created");
    StringBuilder streamed = new StringBuilder();
    long previous = 0;
    for (JsonNode event : events) {
      assertThat(event.get("id").asLong()).isGreaterThan(previous);
      previous = event.get("id").asLong();
      if (event.get("type").asText().equals("message.delta")) {
        streamed.append(event.get("data").get("text").asText());
      }
    }
    String answer = events.get(events.size() - 1).get("data").get("content").asText();
    assertThat(streamed.toString()).isEqualTo(answer);
    first.close();

    long resumeAfter = events.get(3).get("id").asLong();
    Frames second = connect(token);
    second.send(
        "{\"type\":\"subscribe\",\"conversationId\":\""
            + conversation
            + "\",\"lastEventId\":"
            + resumeAfter
            + "}");
    assertThat(second.next().get("type").asText()).isEqualTo("subscribed");
    List<JsonNode> missed = second.until("message.completed");
    assertThat(missed)
        .extracting(e -> e.get("id").asLong())
        .containsExactlyElementsOf(
            events.subList(4, events.size()).stream().map(e -> e.get("id").asLong()).toList());
    second.close();
  }

  /**
   * Words are delivered before they are stored: a subscriber that joins mid-answer with the id of a
   * word just delivered, most likely not stored yet, receives every later event once, in order.
   */
  @Test
  void aSubscriberJoiningMidAnswerGetsTheWordsNotYetStoredOnceAndInOrder() throws Exception {
    Frames first = connect(token);
    first.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(first.next().get("type").asText()).isEqualTo("subscribed");
    Frames joining = connect(token);

    Platform.post(
        "api/v1/conversations/" + conversation + "/messages",
        "{\"content\":\"please stream a long enough answer for a late subscriber\"}",
        "Authorization",
        "Bearer " + token);
    List<JsonNode> events = new ArrayList<>();
    int deltas = 0;
    while (deltas < 4) {
      JsonNode event = first.next();
      events.add(event);
      if (event.get("type").asText().equals("message.delta")) {
        deltas++;
      }
    }
    // the word before the last one seen: both arrived within the last two word delays
    long resumeAfter = events.get(events.size() - 2).get("id").asLong();
    joining.send(
        "{\"type\":\"subscribe\",\"conversationId\":\""
            + conversation
            + "\",\"lastEventId\":"
            + resumeAfter
            + "}");
    assertThat(joining.next().get("type").asText()).isEqualTo("subscribed");
    events.addAll(first.until("message.completed"));
    List<JsonNode> missed = joining.until("message.completed");
    first.close();
    joining.close();

    assertThat(missed)
        .extracting(e -> e.get("id").asLong())
        .containsExactlyElementsOf(
            events.subList(events.size() - missed.size(), events.size()).stream()
                .map(e -> e.get("id").asLong())
                .toList());
    assertThat(missed.get(0).get("id").asLong())
        .isEqualTo(events.get(events.size() - missed.size()).get("id").asLong());
    assertThat(events.get(events.size() - missed.size() - 1).get("id").asLong())
        .isEqualTo(resumeAfter);
  }

  /**
   * Words another node delivered but has not stored yet reach a subscriber of this node that
   * resumes in their midst, once and in order, followed by the live ones; once that node says they
   * are stored, this node no longer keeps them.
   */
  @Test
  void wordsAnotherNodeHasNotStoredYetReachASubscriberThatResumesAmongThem() throws Exception {
    OtherNode otherNode = new OtherNode();
    Frames resuming = connect(token);
    try {
      long first = 9_100_000_000L;
      for (long id = first; id < first + 3; id++) {
        otherNode.publish(ConversationEvents.TOPIC, delta(id, "word" + id));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> received(first + 2));

      resuming.send(
          "{\"type\":\"subscribe\",\"conversationId\":\""
              + conversation
              + "\",\"lastEventId\":"
              + first
              + "}");
      assertThat(resuming.next().get("type").asText()).isEqualTo("subscribed");
      otherNode.publish(ConversationEvents.TOPIC, delta(first + 3, "live"));
      List<JsonNode> got = List.of(resuming.next(), resuming.next(), resuming.next());
      assertThat(got)
          .extracting(e -> e.get("id").asLong())
          .containsExactly(first + 1, first + 2, first + 3);
      assertThat(got.get(2).get("data").get("text").asText()).isEqualTo("live");

      otherNode.publish(
          ConversationEvents.TOPIC,
          "{\"node\":\"another-node\",\"stored\":{\"" + conversation + "\":" + (first + 3) + "}}");
      otherNode.publish(ConversationEvents.TOPIC, delta(first + 4, "after"));
      await().atMost(Duration.ofSeconds(10)).until(() -> received(first + 4));
      Frames later = connect(token);
      later.send(
          "{\"type\":\"subscribe\",\"conversationId\":\""
              + conversation
              + "\",\"lastEventId\":"
              + first
              + "}");
      assertThat(later.next().get("type").asText()).isEqualTo("subscribed");
      assertThat(later.next().get("id").asLong())
          .as("the stored words come from the store, where these never were")
          .isEqualTo(first + 4);
      later.close();
    } finally {
      otherNode.close();
      resuming.close();
    }
  }

  private String delta(long id, String text) {
    return "{\"node\":\"another-node\",\"id\":"
        + id
        + ",\"conversationId\":\""
        + conversation
        + "\",\"runId\":\"\",\"type\":\"message.delta\","
        + "\"payload\":\"{\\\"text\\\":\\\""
        + text
        + "\\\"}\"}";
  }

  /**
   * Whether this node has the other node's event: a subscriber from the start receives it. The
   * topic is asynchronous, so a test waits for it before relying on it.
   */
  private boolean received(long id) throws Exception {
    Frames probe = connect(token);
    try {
      probe.send(
          "{\"type\":\"subscribe\",\"conversationId\":\""
              + conversation
              + "\",\"lastEventId\":"
              + (id - 1)
              + "}");
      probe.next();
      JsonNode next = probe.received.poll(200, TimeUnit.MILLISECONDS);
      return next != null && next.get("id").asLong() == id;
    } finally {
      probe.close();
    }
  }

  /**
   * The same chat with the OpenAI-compatible provider plugin, against a loopback server speaking
   * OpenAI's streaming protocol: the vendor's pieces arrive in order, the answer is kept, and the
   * trace holds the vendor's model and token counts.
   */
  @Test
  void aChatWithAnOpenAiCompatibleModelStreamsItsPiecesInOrder() throws Exception {
    try (OpenAiFakeServer openAi = new OpenAiFakeServer()) {
      PluginsApi.configure(
          "io.protohive.plugins.llm-openai",
          JSON.writeValueAsString(
              Map.of(
                  "enabled",
                  true,
                  "config",
                  Map.of(
                      "apiKey",
                      "sk-socket",
                      "baseUrl",
                      openAi.apiBaseUrl(),
                      "models",
                      "gpt-fake"))),
          owner);
      Platform.send(
          "PUT",
          "api/v1/tenant/llm-route",
          "{\"steps\":[{\"providerId\":\"openai\",\"model\":\"gpt-fake\"}]}",
          owner);
      List<String> pieces = List.of("Our ", "refund ", "window ", "is ", "30 ", "days.");
      openAi.enqueue(OpenAiReply.pieces(pieces).withUsage(42, 6));
      Frames socket = connect(token);
      socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
      assertThat(socket.next().get("type").asText()).isEqualTo("subscribed");

      String run =
          Platform.json(
                  Platform.post(
                      "api/v1/conversations/" + conversation + "/messages",
                      "{\"content\":\"How long do customers have for a refund?\"}",
                      owner))
              .get("runId")
              .asText();
      List<JsonNode> events = socket.until("message.completed");
      socket.close();

      assertThat(
              events.stream()
                  .filter(e -> e.get("type").asText().equals("message.delta"))
                  .map(e -> e.get("data").get("text").asText()))
          .containsExactlyElementsOf(pieces);
      JsonNode messages =
          Platform.json(Platform.get("api/v1/conversations/" + conversation + "/messages", owner))
              .get("items");
      assertThat(messages.get(1).get("content").asText()).isEqualTo(String.join("", pieces));
      JsonNode trace = Platform.json(Platform.get("api/v1/runs/" + run, owner)).get("trace");
      assertThat(trace.findValuesAsText("kind")).containsExactly("context", "prompt", "response");
      assertThat(trace.get(2).get("model").asText()).isEqualTo("gpt-fake");
      assertThat(trace.get(2).get("promptTokens").asInt()).isEqualTo(42);
      assertThat(trace.get(2).get("completionTokens").asInt()).isEqualTo(6);
      assertThat(openAi.lastRequest().body()).contains("How long do customers have for a refund?");
    }
  }

  @Test
  void anOrganizationsTaskEventsArriveLiveAndOnlyForItsMembers() throws Exception {
    Frames socket = connect(token);
    socket.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
    assertThat(socket.next().get("type").asText()).isEqualTo("subscribed");

    String task =
        Platform.json(
                Platform.post(
                    "api/v1/organizations/" + organization + "/tasks",
                    "{\"title\":\"Answer the refund tickets\"}",
                    owner))
            .get("id")
            .asText();
    JsonNode created = socket.next();
    Platform.post("api/v1/tasks/" + task + "/comments", "{\"content\":\"On it\"}", owner);
    JsonNode commented = socket.next();
    socket.close();

    assertThat(created.get("type").asText()).isEqualTo("task.updated");
    assertThat(created.get("taskId").asText()).isEqualTo(task);
    assertThat(created.get("data").get("title").asText()).isEqualTo("Answer the refund tickets");
    assertThat(commented.get("type").asText()).isEqualTo("task.comment");
    assertThat(commented.get("data").get("content").asText()).isEqualTo("On it");

    String[] stranger = PluginsApi.newTenantAdmin("eavesdropper");
    Frames foreign = connect(stranger[1].substring("Bearer ".length()));
    foreign.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
    assertThat(foreign.next().get("type").asText()).isEqualTo("error");
    foreign.send("{\"type\":\"subscribe\",\"organizationId\":\"not-an-id\"}");
    assertThat(foreign.next().get("type").asText()).isEqualTo("error");
    foreign.close();
  }

  @Test
  void eventsOfAnotherNodeReachThisNodesSubscribers() throws Exception {
    Frames frames = connect(token);
    frames.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(frames.next().get("type").asText()).isEqualTo("subscribed");
    OtherNode otherNode = new OtherNode();
    try {
      otherNode.publish(
          ConversationEvents.TOPIC,
          "{\"node\":\"another-node\",\"id\":9000000000,\"conversationId\":\""
              + conversation
              + "\",\"runId\":\"\",\"type\":\"message.delta\","
              + "\"payload\":\"{\\\"text\\\":\\\"from afar\\\"}\"}");

      JsonNode event = frames.next();
      assertThat(event.get("type").asText()).isEqualTo("message.delta");
      assertThat(event.get("id").asLong()).isEqualTo(9_000_000_000L);
      assertThat(event.get("data").get("text").asText()).isEqualTo("from afar");

      frames.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
      assertThat(frames.next().get("type").asText()).isEqualTo("subscribed");
      otherNode.publish(TaskEvents.TOPIC, taskComment("from afar"));
      JsonNode taskEvent = frames.next();
      assertThat(taskEvent.get("type").asText()).isEqualTo("task.comment");
      assertThat(taskEvent.get("data").get("content").asText()).isEqualTo("from afar");
    } finally {
      otherNode.close();
      frames.close();
    }
  }

  /**
   * Whoever joins the cluster without the secrets key cannot put words into a person's chat nor
   * events on an organization's board: the node drops their messages.
   */
  @Test
  void eventsForgedOnTheClusterReachNoSubscriber() throws Exception {
    Frames frames = connect(token);
    frames.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(frames.next().get("type").asText()).isEqualTo("subscribed");
    frames.send("{\"type\":\"subscribe\",\"organizationId\":\"" + organization + "\"}");
    assertThat(frames.next().get("type").asText()).isEqualTo("subscribed");
    try (OtherNode intruder = new OtherNode()) {
      long genuine = 9_300_000_000L;
      // above the genuine one: accepted, it would also hide it from the subscriber
      intruder.forge(ConversationEvents.TOPIC, delta(genuine + 5, "click this link"));
      intruder.forge(TaskEvents.TOPIC, taskComment("forged"));
      intruder.publish(ConversationEvents.TOPIC, delta(genuine, "genuine"));

      JsonNode event = frames.next();
      assertThat(event.get("id").asLong()).isEqualTo(genuine);
      assertThat(event.get("data").get("text").asText()).isEqualTo("genuine");
      assertThat(frames.received.poll(2, TimeUnit.SECONDS)).as("nothing forged").isNull();
    } finally {
      frames.close();
    }
  }

  private String taskComment(String content) {
    return "{\"tenantId\":\""
        + UUID.randomUUID()
        + "\",\"organizationId\":\""
        + organization
        + "\",\"taskId\":\"00000000-0000-0000-0000-00000000000a\","
        + "\"type\":\"task.comment\",\"payload\":\"{\\\"content\\\":\\\""
        + content
        + "\\\"}\"}";
  }

  @Test
  void badFramesAreAnsweredAndTheSocketStaysUsable() throws Exception {
    Frames frames = connect(token);
    frames.send("not json");
    assertThat(frames.next().get("type").asText()).isEqualTo("error");
    frames.send("{\"type\":\"subscribe\",\"conversationId\":\"nope\"}");
    assertThat(frames.next().get("type").asText()).isEqualTo("error");
    frames.send(
        "{\"type\":\"subscribe\",\"conversationId\":\"00000000-0000-0000-0000-000000000001\"}");
    JsonNode unknown = frames.next();
    assertThat(unknown.get("type").asText()).isEqualTo("error");
    assertThat(unknown.get("detail").asText()).contains("No conversation");

    frames.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(frames.next().get("type").asText()).isEqualTo("subscribed");
    frames.close();
  }

  @Test
  void aStrangerCannotSubscribeAndABadTokenIsTurnedAway() throws Exception {
    String[] stranger = PluginsApi.newTenantAdmin("stranger");
    Frames frames = connect(stranger[1].substring("Bearer ".length()));
    frames.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    JsonNode refused = frames.next();
    assertThat(refused.get("type").asText()).isEqualTo("error");
    assertThat(refused.get("detail").asText()).contains("No conversation");
    frames.close();

    Frames forged = connect("forged.token.here");
    assertThat(forged.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
  }

  static Frames connect(String accessToken) throws Exception {
    Frames frames = new Frames();
    frames.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    Platform.BASE.toString().replaceFirst("^http", "ws")
                        + "api/v1/socket?access_token="
                        + accessToken),
                frames)
            .get(10, TimeUnit.SECONDS);
    return frames;
  }

  /** A client socket that queues the frames it receives. */
  static final class Frames implements WebSocket.Listener {
    final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    void send(String frame) throws Exception {
      socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
    }

    JsonNode next() throws InterruptedException {
      JsonNode frame = received.poll(30, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 30 s").isNotNull();
      return frame;
    }

    List<JsonNode> until(String type) throws InterruptedException {
      List<JsonNode> frames = new ArrayList<>();
      while (true) {
        JsonNode frame = next();
        frames.add(frame);
        if (frame.get("type").asText().equals(type)) {
          return frames;
        }
      }
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
