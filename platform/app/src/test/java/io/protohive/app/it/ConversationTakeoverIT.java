package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform stops while an agent streams its answer in a conversation: after it starts again, a
 * worker takes the turn's job over once its lease runs out, goes on from the step the turn had
 * reached without running a finished tool call again, and the turn leaves exactly one answer.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationTakeoverIT {

  private static final String DEPLOYMENT = "platform";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Six slow words: longer than a restart takes to begin, shorter than a model call may last. */
  private static final String ANSWER = "One two three four five six.";

  private static final String QUESTION = "Count to six, slowly.";

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aTurnInterruptedByARestartIsTakenOverAndAnswersOnce() throws Exception {
    deployer.deploy(DEPLOYMENT);
    SlowTurn turn = slowTurn("takeover");

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);

    assertThat(endOf(turn)).isEqualTo("COMPLETED");
    JsonNode messages = messages(turn);
    assertThat(messages.findValuesAsText("content")).containsExactly(QUESTION, ANSWER);
    assertThat(messages.get(1).get("authorId").asText()).isEqualTo(turn.agent());
    JsonNode job = job(turn.run(), PluginsApi.platformAdmin());
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("attempts").asInt()).as("taken over after the restart").isEqualTo(2);
    deployer.undeploy(DEPLOYMENT);
  }

  @Test
  void aTurnTakenOverGoesOnFromItsNextStepWithoutRunningAFinishedToolAgain() throws Exception {
    deployer.deploy(DEPLOYMENT);
    SlowTurn turn =
        slowTurn("resumed", "call: task_create {\"title\":\"Launch\"}", "say: " + ANSWER);
    // the task is created and its result stored in the run's work log; the answer streams
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> finishedSteps(turn.run()) == 2);

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);

    assertThat(endOf(turn)).isEqualTo("COMPLETED");
    assertThat(messages(turn).findValuesAsText("content")).containsExactly(QUESTION, ANSWER);
    assertThat(job(turn.run(), PluginsApi.platformAdmin()).get("attempts").asInt())
        .as("taken over after the restart")
        .isEqualTo(2);
    JsonNode board =
        Platform.json(
                Platform.get(
                    "api/v1/organizations/" + turn.organization() + "/tasks", turn.owner()))
            .get("items");
    assertThat(board.findValuesAsText("title")).as("the tool ran once").containsExactly("Launch");
    JsonNode trace =
        Platform.json(Platform.get("api/v1/runs/" + turn.run(), turn.owner())).get("trace");
    assertThat(trace.findValuesAsText("kind")).contains("resumed");
    deployer.undeploy(DEPLOYMENT);
  }

  @Test
  void aTurnWhoseLastAttemptIsInterruptedFailsItsRunInsteadOfRunningForEver() throws Exception {
    deployer.deploy(DEPLOYMENT);
    SlowTurn turn = slowTurn("buried");
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        PreparedStatement lastAttempt =
            connection.prepareStatement(
                "update job set max_attempts = attempts where payload::text like ?")) {
      lastAttempt.setString(1, "%" + turn.run() + "%");
      assertThat(lastAttempt.executeUpdate()).isEqualTo(1);
    }

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);

    assertThat(endOf(turn)).isEqualTo("FAILED");
    assertThat(messages(turn).findValuesAsText("content")).containsExactly(QUESTION);
    assertThat(job(turn.run(), PluginsApi.platformAdmin()).get("status").asText())
        .isEqualTo("DEAD");
    deployer.undeploy(DEPLOYMENT);
  }

  /** A turn under way: a worker holds its job while the agent streams its slow answer. */
  private record SlowTurn(
      String[] owner, String organization, String conversation, String agent, String run) {}

  /** How many steps the run stored as finished. */
  private static int finishedSteps(String run) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        PreparedStatement steps =
            connection.prepareStatement(
                "select jsonb_array_length(work_log) from agent_run where id = ?::uuid")) {
      steps.setString(1, run);
      try (ResultSet found = steps.executeQuery()) {
        return found.next() ? found.getInt(1) : 0;
      }
    }
  }

  private static SlowTurn slowTurn(String prefix) throws Exception {
    return slowTurn(prefix, "say: " + ANSWER);
  }

  /** A turn whose agent follows the plan, one slow word after another. */
  private static SlowTurn slowTurn(String prefix, String... plan) throws Exception {
    String[] owner = PluginsApi.newTenantAdmin(prefix);
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        JSON.writeValueAsString(
            Map.of(
                "enabled",
                true,
                "config",
                Map.of("tokenDelayMillis", "400", "plan", String.join("\n", plan)))),
        owner);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    String organization =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
                    owner))
            .get("id")
            .asText();
    String ada = null;
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      if (agent.get("name").asText().equals("Ada")) {
        ada = agent.get("id").asText();
      }
    }
    String conversation =
        Platform.json(
                Platform.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\"" + organization + "\",\"agentIds\":[\"" + ada + "\"]}",
                    owner))
            .get("id")
            .asText();
    String run =
        Platform.json(
                Platform.post(
                    "api/v1/conversations/" + conversation + "/messages",
                    "{\"content\":\"" + QUESTION + "\"}",
                    owner))
            .get("runId")
            .asText();
    String[] admin = PluginsApi.platformAdmin();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "RUNNING".equals(job(run, admin).get("status").asText()));
    return new SlowTurn(owner, organization, conversation, ada, run);
  }

  /** How the turn's run ended, once it did. */
  private static String endOf(SlowTurn turn) throws Exception {
    String path = "api/v1/runs/" + turn.run();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !Platform.json(Platform.get(path, turn.owner()))
                    .get("status")
                    .asText()
                    .equals("RUNNING"));
    return Platform.json(Platform.get(path, turn.owner())).get("status").asText();
  }

  private static JsonNode messages(SlowTurn turn) throws Exception {
    return Platform.json(
            Platform.get("api/v1/conversations/" + turn.conversation() + "/messages", turn.owner()))
        .get("items");
  }

  /** The one job of the run. */
  private static JsonNode job(String run, String[] admin) throws Exception {
    JsonNode found = null;
    for (JsonNode candidate :
        Platform.json(Platform.get("api/v1/platform/jobs?limit=200", admin)).get("items")) {
      if (candidate.get("payload").asText().contains(run)) {
        assertThat(found).as("one job for the run").isNull();
        found = candidate;
      }
    }
    assertThat(found).as("the run's job").isNotNull();
    return found;
  }
}
