package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.protohive.kernel.agent.AgentStops;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Talking to an organization's agents through the API, offline with the scripted model: a turn runs
 * in the background, calls tools through the plugin host, and leaves its answer among the messages
 * and every step in its trace.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationIT {

  private static final Duration RUN = Duration.ofSeconds(30);

  private String[] owner;
  private Map<String, String> agents;
  private String organization;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startupWithScriptedModel() throws Exception {
    owner = PluginsApi.newTenantAdmin("talk");
    for (String plugin : new String[] {"io.protohive.plugins.llm-scripted", PluginsApi.CLOCK_ID}) {
      assertThat(PluginsApi.configure(plugin, "{\"enabled\":true}", owner).statusCode())
          .isEqualTo(200);
    }
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations",
            "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
            owner);
    organization = Platform.json(created).get("id").asText();
    agents = new HashMap<>();
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      agents.put(agent.get("name").asText(), agent.get("id").asText());
    }
  }

  @Test
  void anAgentAnswersInTheBackgroundAndItsToolCallIsTraced() throws Exception {
    String conversation = conversation(agents.get("Linus"));

    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation + "/messages",
            "{\"content\":\"Please use clock_now\"}",
            owner);

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String run = Platform.json(posted).get("runId").asText();
    JsonNode finished = awaitRun(run);
    assertThat(finished.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode trace = finished.get("trace");
    assertThat(kinds(trace))
        .containsExactly(
            "context", "prompt", "response", "tool.call", "tool.result", "prompt", "response");
    assertThat(trace.get(0).get("system").asText()).startsWith("You are Linus");
    assertThat(trace.get(1).get("text").asText()).isEqualTo("Please use clock_now");
    assertThat(trace.get(2).get("latencyMillis").asLong()).isNotNegative();
    assertThat(trace.get(3).get("tool").asText()).isEqualTo("clock_now");
    assertThat(trace.get(4).get("status").asText()).isEqualTo("OK");
    JsonNode messages =
        Platform.json(Platform.get("api/v1/conversations/" + conversation + "/messages", owner))
            .get("items");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).get("authorKind").asText()).isEqualTo("USER");
    assertThat(messages.get(1).get("authorId").asText()).isEqualTo(agents.get("Linus"));
    assertThat(messages.get(1).get("content").asText())
        .startsWith("The tool clock_now answered: 20");
  }

  @Test
  void aToolHeldForApprovalIsNotOfferedInAConversation() throws Exception {
    assertThat(
            Platform.send(
                    "PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", owner)
                .statusCode())
        .isEqualTo(200);
    String conversation = conversation(agents.get("Linus"));

    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"Please use clock_now\"}",
                    owner))
            .get("runId")
            .asText();

    JsonNode finished = awaitRun(run);
    assertThat(finished.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(kinds(finished.get("trace"))).doesNotContain("tool.call");
    assertThat(messages(conversation).get(1).get("content").asText())
        .startsWith("This is the scripted offline model");
  }

  @Test
  void theAgentMentionedByNameAnswers() throws Exception {
    String conversation = conversation(agents.get("Ada"), agents.get("Margaret"));

    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"@Margaret, what should we build?\"}",
                    owner))
            .get("runId")
            .asText();

    assertThat(awaitRun(run).get("agentId").asText()).isEqualTo(agents.get("Margaret"));
  }

  @Test
  void aSpentBudgetFailsTheRunWithTheReason() throws Exception {
    Platform.send(
        "PUT",
        "api/v1/tenant/budgets",
        "{\"scope\":\"TENANT\",\"unit\":\"TOKENS\",\"amount\":1}",
        owner);
    String conversation = conversation(agents.get("Ada"));

    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"hello\"}",
                    owner))
            .get("runId")
            .asText();

    JsonNode failed = awaitRun(run);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    assertThat(failed.get("error").asText()).contains("budget");
  }

  @Test
  void agentsHandTheWordToEachOtherUntilTheTurnCap() throws Exception {
    String line = "say: @Ada and @Margaret, over to you";
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\""
            + String.join("\\n", line, line, line, line)
            + "\"}}",
        owner);
    String conversation = conversation(agents.get("Ada"), agents.get("Margaret"));

    Platform.post(
        "api/v1/conversations/" + conversation + "/messages", "{\"content\":\"start\"}", owner);

    await()
        .atMost(RUN)
        .during(Duration.ofSeconds(2))
        .until(() -> messages(conversation).size() == 1 + 4);
    JsonNode messages = messages(conversation);
    assertThat(messages.get(1).get("authorId").asText()).isEqualTo(agents.get("Ada"));
    assertThat(messages.get(2).get("authorId").asText()).isEqualTo(agents.get("Margaret"));
    assertThat(messages.get(4).get("authorId").asText()).isEqualTo(agents.get("Margaret"));
  }

  @Test
  void roundRobinGivesEachAgentATurnUpToTheCapAndGoesOnWhereItStopped() throws Exception {
    String[] team = {
      agents.get("Ada"),
      agents.get("Linus"),
      agents.get("Grace"),
      agents.get("Alan"),
      agents.get("Margaret")
    };
    String conversation = conversationWith("\"speakerSelection\":\"ROUND_ROBIN\"", team);

    Platform.post(
        "api/v1/conversations/" + conversation + "/messages", "{\"content\":\"plans?\"}", owner);

    await()
        .atMost(RUN)
        .during(Duration.ofSeconds(2))
        .until(() -> messages(conversation).size() == 1 + 4);
    assertThat(authors(messages(conversation)))
        .containsExactly(null, team[0], team[1], team[2], team[3]);

    Platform.post(
        "api/v1/conversations/" + conversation + "/messages", "{\"content\":\"and?\"}", owner);
    await().atMost(RUN).until(() -> messages(conversation).size() >= 7);
    assertThat(authors(messages(conversation)).get(6)).as("after Alan").isEqualTo(team[4]);
  }

  @Test
  void aModeratorPicksEachSpeakerUntilTheTurnCap() throws Exception {
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        "{\"config\":{\"tokenDelayMillis\":\"1\",\"plan\":\"say: Linus, please.\"}}",
        owner);
    String conversation =
        conversationWith(
            "\"speakerSelection\":\"MODERATOR\",\"moderatorAgentId\":\"" + agents.get("Ada") + "\"",
            agents.get("Margaret"),
            agents.get("Linus"));

    JsonNode posted =
        Platform.json(
            Platform.post(
                "api/v1/conversations/" + conversation + "/messages",
                "{\"content\":\"who knows the kernel?\"}",
                owner));

    JsonNode moderation = awaitRun(posted.get("runId").asText());
    assertThat(posted.get("agentId").asText()).isEqualTo(agents.get("Ada"));
    assertThat(moderation.get("kind").asText()).isEqualTo("MODERATION");
    assertThat(moderation.get("trace").get(0).get("chosen").asText())
        .isEqualTo(agents.get("Linus"));
    await()
        .atMost(RUN)
        .during(Duration.ofSeconds(2))
        .until(() -> messages(conversation).size() == 1 + 4);
    assertThat(authors(messages(conversation)).subList(1, 5)).containsOnly(agents.get("Linus"));
  }

  @Test
  void aModeratedConversationNeedsAModeratorOfTheOrganization() throws Exception {
    String body =
        "{\"organizationId\":\""
            + organization
            + "\",\"agentIds\":[\""
            + agents.get("Ada")
            + "\"],\"speakerSelection\":\"MODERATOR\"";
    assertThat(Platform.post("api/v1/conversations", body + "}", owner).statusCode())
        .isEqualTo(400);
    String[] stranger = PluginsApi.newTenantAdmin("outsider");
    String foreignAgent =
        Platform.json(
                Platform.get(
                    "api/v1/organizations/"
                        + Platform.json(
                                Platform.post(
                                    "api/v1/organizations",
                                    "{\"name\":\"Else\",\"template\":\"software-startup\"}",
                                    stranger))
                            .get("id")
                            .asText()
                        + "/agents",
                    stranger))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    HttpResponse<String> foreign =
        Platform.post(
            "api/v1/conversations",
            body + ",\"moderatorAgentId\":\"" + foreignAgent + "\"}",
            owner);
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).contains("moderatorAgentId");
    assertThat(
            Platform.post("api/v1/conversations", body.replace("MODERATOR", "LOUDEST") + "}", owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.json(
                    Platform.get("api/v1/organizations/" + organization + "/conversations", owner))
                .get("items"))
        .isEmpty();
  }

  @Test
  void aConversationLongerThanTheWindowIsSummarizedAndListedNewestFirst() throws Exception {
    String older = conversation(agents.get("Ada"));
    String conversation = conversation(agents.get("Ada"));
    String lastRun = null;
    for (int i = 1; i <= 21; i++) {
      lastRun =
          Platform.json(
                  Platform.post(
                      "api/v1/conversations/" + conversation + "/messages",
                      "{\"content\":\"fact number " + i + "\"}",
                      owner))
              .get("runId")
              .asText();
      assertThat(awaitRun(lastRun).get("status").asText()).isEqualTo("COMPLETED");
    }

    JsonNode trace = Platform.json(Platform.get("api/v1/runs/" + lastRun, owner)).get("trace");
    assertThat(kinds(trace)).startsWith("summary", "context");
    assertThat(trace.get(0).get("messages").asInt()).isEqualTo(11);
    assertThat(trace.get(1).get("summarizedMessages").asInt()).isEqualTo(11);
    assertThat(trace.get(1).get("system").asText())
        .contains("Summary of the conversation's earlier messages")
        .contains("fact number 1");
    assertThat(trace.get(1).get("messages").asInt()).isEqualTo(41 - 11);
    JsonNode listed =
        Platform.json(
            Platform.get("api/v1/organizations/" + organization + "/conversations?limit=1", owner));
    assertThat(listed.get("items").get(0).get("id").asText()).isEqualTo(conversation);
    JsonNode next =
        Platform.json(
            Platform.get(
                "api/v1/organizations/"
                    + organization
                    + "/conversations?limit=1&cursor="
                    + listed.get("nextCursor").asText(),
                owner));
    assertThat(next.get("items").get(0).get("id").asText()).isEqualTo(older);
  }

  @Test
  void aPersonStopsARunningTurnAndItsModelCall() throws Exception {
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted", "{\"config\":{\"tokenDelayMillis\":\"500\"}}", owner);
    String conversation = conversation(agents.get("Ada"));
    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"say something long and slow\"}",
                    owner))
            .get("runId")
            .asText();

    assertThat(Platform.post("api/v1/runs/" + run + "/stop", "", owner).statusCode())
        .isEqualTo(200);

    JsonNode stopped = awaitRun(run);
    assertThat(stopped.get("status").asText()).isEqualTo("FAILED");
    assertThat(stopped.get("error").asText()).isEqualTo("Stopped by a person.");
    assertThat(messages(conversation)).hasSize(1);
  }

  @Test
  void aStopSentByAnotherNodeReachesTheNodeThatRunsTheTurn() throws Exception {
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted", "{\"config\":{\"tokenDelayMillis\":\"500\"}}", owner);
    String conversation = conversation(agents.get("Ada"));
    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"say something long and slow\"}",
                    owner))
            .get("runId")
            .asText();
    try (OtherNode otherNode = new OtherNode()) {
      // the other node sends the Stop as its own API would, again until the turn has begun here
      await()
          .atMost(RUN)
          .until(
              () -> {
                otherNode.publish(AgentStops.TOPIC, run);
                return !Platform.json(Platform.get("api/v1/runs/" + run, owner))
                    .get("status")
                    .asText()
                    .equals("RUNNING");
              });
    }

    JsonNode stopped = Platform.json(Platform.get("api/v1/runs/" + run, owner));
    assertThat(stopped.get("status").asText()).isEqualTo("FAILED");
    assertThat(stopped.get("error").asText()).isEqualTo("Stopped by a person.");
    assertThat(messages(conversation)).hasSize(1);
  }

  private static List<String> kinds(JsonNode trace) {
    return trace.findValuesAsText("kind");
  }

  /** Who wrote each message: an agent's id, or null for a person. */
  private static List<String> authors(JsonNode messages) {
    List<String> authors = new ArrayList<>();
    for (JsonNode message : messages) {
      authors.add(
          message.get("authorKind").asText().equals("AGENT")
              ? message.get("authorId").asText()
              : null);
    }
    return authors;
  }

  private JsonNode messages(String conversation) throws Exception {
    return Platform.json(Platform.get("api/v1/conversations/" + conversation + "/messages", owner))
        .get("items");
  }

  @Test
  void messagesAreFoundByTheirWordsWithinTheOrganizationOnly() throws Exception {
    String conversation = conversation(agents.get("Ada"));
    Platform.post(
        "api/v1/conversations/" + conversation + "/messages",
        "{\"content\":\"The quarterly invoice for Contoso is overdue\"}",
        owner);
    String search = "api/v1/conversations/search?organizationId=" + organization + "&q=";

    JsonNode found = Platform.json(Platform.get(search + "invoice+overdue", owner)).get("items");
    assertThat(found.findValuesAsText("content"))
        .contains("The quarterly invoice for Contoso is overdue");
    assertThat(Platform.json(Platform.get(search + "penguins", owner)).get("items")).isEmpty();
    String[] stranger = PluginsApi.newTenantAdmin("snoop");
    HttpResponse<String> foreign = Platform.get(search + "invoice", stranger);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("Contoso");
    assertThat(Platform.get(search, owner).statusCode()).isEqualTo(400);
  }

  @Test
  void badMessagesAreRefused() throws Exception {
    String conversation = conversation(agents.get("Ada"));
    String messages = "api/v1/conversations/" + conversation + "/messages";

    assertThat(Platform.post(messages, "{\"content\":\"\"}", owner).statusCode()).isEqualTo(400);
    assertThat(
            Platform.post(messages, "{\"content\":\"" + "x".repeat(20_001) + "\"}", owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.post(
                    messages,
                    "{\"content\":\"hi\",\"agentId\":\"" + agents.get("Linus") + "\"}",
                    owner)
                .statusCode())
        .as("an agent outside the conversation")
        .isEqualTo(400);
    assertThat(
            Platform.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\""
                        + organization
                        + "\",\"agentIds\":[\"00000000-0000-0000-0000-000000000001\"]}",
                    owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(Platform.json(Platform.get(messages, owner)).get("items")).isEmpty();
  }

  private String conversation(String... agentIds) throws Exception {
    return conversationWith(null, agentIds);
  }

  /** A conversation with the agents, and the given extra JSON fields of its creation. */
  private String conversationWith(String fields, String... agentIds) throws Exception {
    HttpResponse<String> created =
        Platform.post(
            "api/v1/conversations",
            "{\"organizationId\":\""
                + organization
                + "\",\"agentIds\":[\""
                + String.join("\",\"", agentIds)
                + "\"]"
                + (fields == null ? "" : "," + fields)
                + "}",
            owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private JsonNode awaitRun(String run) throws Exception {
    await()
        .atMost(RUN)
        .until(
            () ->
                !Platform.json(Platform.get("api/v1/runs/" + run, owner))
                    .get("status")
                    .asText()
                    .equals("RUNNING"));
    return Platform.json(Platform.get("api/v1/runs/" + run, owner));
  }
}
