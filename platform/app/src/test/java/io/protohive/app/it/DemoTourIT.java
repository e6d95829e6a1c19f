package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offline demo's tour: in a tenant set up like the demo tenant (the scripted model without a
 * plan, the clock held for approval), a newcomer asks the CEO of a software startup to get
 * something done; the request becomes a task that the organization delegates along its org chart,
 * one call waits for the person's approval, and the results come back up combined.
 */
@ExtendWith(ArquillianExtension.class)
class DemoTourIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final Duration WORK = Duration.ofSeconds(60);

  private String[] owner;
  private String person;
  private String organization;
  private final Map<String, String> agents = new HashMap<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantLikeTheDemo() throws Exception {
    owner = PluginsApi.newTenantAdmin("tour");
    person = Platform.json(Platform.get("api/v1/me", owner)).get("id").asText();
    for (String plugin : new String[] {SCRIPTED, PluginsApi.CLOCK_ID}) {
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
    assertThat(
            Platform.send(
                    "PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", owner)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations",
            "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
            owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    organization = Platform.json(created).get("id").asText();
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      agents.put(agent.get("name").asText(), agent.get("id").asText());
    }
  }

  @Test
  void aRequestToTheCeoFillsTheBoardAlongTheOrgChartAndWaitsForOneApproval() throws Exception {
    String conversation = conversation("Ada");

    JsonNode run = awaitRun(say(conversation, "Please plan our product launch"));

    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode trace = run.get("trace");
    assertThat(trace.findValuesAsText("kind")).contains("tool.call", "tool.result");
    assertThat(trace.findValuesAsText("tool")).contains("task_create");
    JsonNode answer = messages(conversation).get(1);
    assertThat(answer.get("authorId").asText()).isEqualTo(agents.get("Ada"));
    assertThat(answer.get("content").asText())
        .contains("\"Plan our product launch\" is on the task board, assigned to Ada");
    assertThat(answer.get("model").asText()).isEqualTo("scripted-1");

    JsonNode goal =
        await().atMost(RUN).until(() -> taskTitled("Plan our product launch"), t -> t != null);
    assertThat(goal.get("assigneeAgentId").asText()).isEqualTo(agents.get("Ada"));
    assertThat(goal.get("reporterKind").asText()).isEqualTo("USER");
    assertThat(goal.get("reporterId").asText()).isEqualTo(person);
    assertThat(goal.get("description").asText()).isEqualTo("Please plan our product launch");
    String goalId = goal.get("id").asText();

    JsonNode adaParts = awaitSubtasks(goalId, 2);
    assertThat(adaParts.findValuesAsText("assigneeAgentId"))
        .containsExactly(agents.get("Linus"), agents.get("Margaret"));
    assertThat(adaParts.findValuesAsText("title"))
        .containsExactly(
            "Chief technology officer's part: Plan our product launch",
            "Product manager's part: Plan our product launch");
    JsonNode linusParts = awaitSubtasks(adaParts.get(0).get("id").asText(), 2);
    assertThat(linusParts.findValuesAsText("assigneeAgentId"))
        .containsExactly(agents.get("Grace"), agents.get("Alan"));

    JsonNode approvals =
        await()
            .atMost(WORK)
            .until(
                () ->
                    Platform.json(
                            Platform.get(
                                "api/v1/organizations/" + organization + "/approvals", owner))
                        .get("items"),
                items -> items.size() == 1);
    JsonNode approval = approvals.get(0);
    assertThat(approval.get("toolId").asText()).isEqualTo("clock.now");
    assertThat(approval.get("agentId").asText()).isEqualTo(agents.get("Margaret"));
    assertThat(approval.get("taskId").asText()).isEqualTo(adaParts.get(1).get("id").asText());
    assertThat(status(goalId)).as("Ada waits for Margaret").isNotEqualTo("DONE");

    HttpResponse<String> approved =
        Platform.post(
            "api/v1/approvals/" + approval.get("id").asText() + "/decision",
            "{\"approve\":true}",
            owner);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    await().atMost(WORK).until(() -> status(goalId).equals("DONE"));
    JsonNode board = board();
    assertThat(board).hasSize(1 + 2 + 2);
    assertThat(board.findValuesAsText("status")).containsOnly("DONE");
    String result =
        Platform.json(Platform.get("api/v1/tasks/" + goalId, owner))
            .get("task")
            .get("result")
            .asText();
    assertThat(result)
        .startsWith("\"Plan our product launch\" is done.")
        .contains("Linus: ", "Grace: ", "Alan: ", "Margaret: ")
        .contains("clock_now answered: 20");
  }

  @Test
  void aGreetingIsAnsweredInRoleByTheDemoModelAndPutsNothingOnTheBoard() throws Exception {
    String conversation = conversation("Ada");

    JsonNode run = awaitRun(say(conversation, "Hello"));

    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("trace").findValuesAsText("kind")).doesNotContain("tool.call");
    JsonNode answer = messages(conversation).get(1);
    assertThat(answer.get("content").asText())
        .startsWith("This is the scripted offline model as Ada, Chief executive officer: I ")
        .contains("A tenant admin connects a real model on the LLM page.");
    assertThat(answer.get("model").asText()).isEqualTo("scripted-1");
    assertThat(messages(conversation).get(0).path("model").isTextual()).as("a person's").isFalse();
    assertThat(board()).isEmpty();
  }

  @Test
  void aTaskCreatedInAConversationStaysInTheAgentsOrganizationWhateverTheModelAsks()
      throws Exception {
    String[] stranger = PluginsApi.newTenantAdmin("elsewhere");
    String foreign =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Else\",\"template\":\"software-startup\"}",
                    stranger))
            .get("id")
            .asText();
    String foreignAgent =
        Platform.json(Platform.get("api/v1/organizations/" + foreign + "/agents", stranger))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    String plan =
        String.join(
            "\n",
            "@Ada: call: task_create {\"title\":\"\"}",
            "@Ada: call: task_create {\"title\":\"Mine\",\"organizationId\":\""
                + foreign
                + "\",\"assigneeAgentId\":\""
                + foreignAgent
                + "\"}",
            "@Ada: say: Noted.");
    assertThat(
            PluginsApi.configure(
                    SCRIPTED,
                    JSON.writeValueAsString(
                        Map.of("config", Map.of("tokenDelayMillis", "1", "plan", plan))),
                    owner)
                .statusCode())
        .isEqualTo(200);
    String conversation = conversation("Ada");

    JsonNode trace = awaitRun(say(conversation, "Go")).get("trace");

    List<JsonNode> results =
        StreamSupport.stream(trace.spliterator(), false)
            .filter(step -> step.get("kind").asText().equals("tool.result"))
            .toList();
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("status").asText()).isEqualTo("TOOL_ERROR");
    assertThat(results.get(0).get("content").asText()).startsWith("Refused: ");
    assertThat(results.get(1).get("status").asText()).isEqualTo("OK");
    JsonNode mine = await().atMost(RUN).until(() -> taskTitled("Mine"), t -> t != null);
    assertThat(mine.get("assigneeAgentId").asText()).isEqualTo(agents.get("Ada"));
    assertThat(board()).hasSize(1);
    assertThat(
            Platform.json(Platform.get("api/v1/organizations/" + foreign + "/tasks", stranger))
                .get("items"))
        .isEmpty();
  }

  private String conversation(String agent) throws Exception {
    HttpResponse<String> created =
        Platform.post(
            "api/v1/conversations",
            "{\"organizationId\":\""
                + organization
                + "\",\"agentIds\":[\""
                + agents.get(agent)
                + "\"]}",
            owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private String say(String conversation, String content) throws Exception {
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation + "/messages",
            JSON.writeValueAsString(Map.of("content", content)),
            owner);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Platform.json(posted).get("runId").asText();
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

  private JsonNode messages(String conversation) throws Exception {
    return Platform.json(Platform.get("api/v1/conversations/" + conversation + "/messages", owner))
        .get("items");
  }

  private JsonNode board() throws Exception {
    return Platform.json(Platform.get("api/v1/organizations/" + organization + "/tasks", owner))
        .get("items");
  }

  /** The board's task with the title, or null while there is none. */
  private JsonNode taskTitled(String title) throws Exception {
    for (JsonNode task : board()) {
      if (task.get("title").asText().equals(title)) {
        return task;
      }
    }
    return null;
  }

  private String status(String task) throws Exception {
    return Platform.json(Platform.get("api/v1/tasks/" + task, owner))
        .get("task")
        .get("status")
        .asText();
  }

  /** The task's subtasks in the order they were made, once there are {@code count}. */
  private JsonNode awaitSubtasks(String task, int count) {
    return await()
        .atMost(WORK)
        .until(
            () -> Platform.json(Platform.get("api/v1/tasks/" + task, owner)).get("subtasks"),
            subtasks -> subtasks.size() == count);
  }
}
