package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The platform stops in the middle of an agent's work on a task: after it starts again, another
 * worker takes the job over once its lease runs out, and the work completes exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class TaskRestartIT {

  private static final String DEPLOYMENT = "platform";
  private static final ObjectMapper JSON = new ObjectMapper();

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aJobInterruptedByARestartResumesAndCompletesOnce() throws Exception {
    deployer.deploy(DEPLOYMENT);
    String[] owner = PluginsApi.newTenantAdmin("restart");
    String plan =
        String.join(
            "\n",
            "@Margaret: call: task_comment {\"text\":\"Starting on the stories.\"}",
            "@Margaret: say: The stories are written.");
    PluginsApi.configure(
        "io.protohive.plugins.llm-scripted",
        JSON.writeValueAsString(
            Map.of("enabled", true, "config", Map.of("tokenDelayMillis", "400", "plan", plan))),
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
    String margaret = null;
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      if (agent.get("name").asText().equals("Margaret")) {
        margaret = agent.get("id").asText();
      }
    }
    String task =
        Platform.json(
                Platform.post(
                    "api/v1/organizations/" + organization + "/tasks",
                    "{\"title\":\"Write the stories\",\"assigneeAgentId\":\"" + margaret + "\"}",
                    owner))
            .get("id")
            .asText();
    // the comment is the session's first step; its second, a slow streamed answer, is under way
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> comments(task, owner).contains("Starting on the stories."));

    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> details(task, owner).get("task").get("status").asText().equals("DONE"));
    JsonNode done = details(task, owner);
    assertThat(done.get("task").get("result").asText()).isEqualTo("The stories are written.");
    assertThat(done.get("comments").findValuesAsText("content"))
        .containsExactly("Starting on the stories.");
    JsonNode jobs =
        Platform.json(Platform.get("api/v1/platform/jobs?limit=200", PluginsApi.platformAdmin()))
            .get("items");
    JsonNode job = null;
    for (JsonNode candidate : jobs) {
      if (candidate.get("payload").asText().contains(task)) {
        assertThat(job).as("one job for the task").isNull();
        job = candidate;
      }
    }
    assertThat(job.get("status").asText()).isEqualTo("DONE");
    assertThat(job.get("attempts").asInt()).as("taken over after the restart").isEqualTo(2);
    deployer.undeploy(DEPLOYMENT);
  }

  private static JsonNode details(String task, String[] user) throws Exception {
    return Platform.json(Platform.get("api/v1/tasks/" + task, user));
  }

  private static String comments(String task, String[] user) throws Exception {
    return details(task, user).get("comments").toString();
  }
}
