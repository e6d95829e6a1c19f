package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Agents working on tasks in the background, driven by the scripted model's per-agent plans: a
 * manager splits a goal among its reports and combines their results; a held tool waits for a
 * person's decision.
 */
@ExtendWith(ArquillianExtension.class)
class TaskIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WORK = Duration.ofSeconds(60);

  private String[] owner;
  private String organization;
  private final Map<String, String> agents = new HashMap<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startupOrganization() throws Exception {
    owner = PluginsApi.newTenantAdmin("tasks");
    assertThat(PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", owner).statusCode())
        .isEqualTo(200);
    plan();
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    organization =
        Platform.json(
                Platform.post(
                    "api/v1/organizations",
                    "{\"name\":\"Rocket\",\"template\":\"software-startup\"}",
                    owner))
            .get("id")
            .asText();
    for (JsonNode agent :
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/agents", owner))
            .get("items")) {
      agents.put(agent.get("name").asText(), agent.get("id").asText());
    }
  }

  @Test
  void aManagerSplitsAGoalAmongItsReportsAndCombinesTheirResults() throws Exception {
    plan(
        "@Ada: call: task_delegate {\"title\":\"Build the API\",\"assignee\":\"Linus\"}",
        "@Ada: call: task_delegate {\"title\":\"Write the stories\",\"assignee\":\"Margaret\"}",
        "@Ada: say: I split the work between Linus and Margaret.",
        "@Ada: call: task_complete {\"result\":\"Launched: API built, stories written.\"}",
        "@Linus: call: task_complete {\"result\":\"The API is built.\"}",
        "@Margaret: call: task_complete {\"result\":\"The stories are written.\"}");

    String goal = task("{\"title\":\"Launch the product\",\"assigneeAgentId\":\"" + ada() + "\"}");

    JsonNode done = awaitStatus(goal, "DONE");
    assertThat(done.get("task").get("result").asText())
        .isEqualTo("Launched: API built, stories written.");
    JsonNode subtasks = done.get("subtasks");
    assertThat(subtasks).hasSize(2);
    assertThat(subtasks.findValuesAsText("assigneeAgentId"))
        .containsExactly(agents.get("Linus"), agents.get("Margaret"));
    assertThat(subtasks.findValuesAsText("status")).containsOnly("DONE");
    assertThat(subtasks.findValuesAsText("result"))
        .containsExactly("The API is built.", "The stories are written.");
    assertThat(subtasks.get(0).get("reporterKind").asText()).isEqualTo("AGENT");
    assertThat(done.get("comments").findValuesAsText("content"))
        .containsExactly("I split the work between Linus and Margaret.");
    assertThat(done.get("work").toString())
        .as("the combining session read its reports' results")
        .contains("The API is built.", "The stories are written.");
    assertThat(board()).hasSize(3);
  }

  @Test
  void aWakeUpWaitsWhileAnotherSessionWorksOnTheTask() throws Exception {
    plan("@Linus: call: task_complete {\"result\":\"The API is built.\"}");
    String task =
        task(
            "{\"title\":\"Build the API\",\"status\":\"BACKLOG\",\"assigneeAgentId\":\""
                + linus()
                + "\"}");
    // a session of another node's worker holds the task: its job runs, its lease is fresh
    String elsewhere = UUID.randomUUID().toString();
    PlatformIT.execute(
        "insert into job (id, tenant_id, kind, payload, status, attempts, max_attempts, run_at,"
            + " locked_by, locked_until, created_at, updated_at) select '"
            + elsewhere
            + "', tenant_id, 'task.work', jsonb_build_object('taskId', id::text), 'RUNNING', 1, 5,"
            + " now(), 'another-node', now() + interval '10 minutes', now(), now() from task"
            + " where id = '"
            + task
            + "'");
    PlatformIT.execute(
        "update task set session_job = '" + elsewhere + "' where id = '" + task + "'");

    assertThat(
            Platform.send("PATCH", "api/v1/tasks/" + task, "{\"status\":\"TODO\"}", owner)
                .statusCode())
        .isEqualTo(200);

    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> status(task).equals("TODO"));
    assertThat(
            Integer.parseInt(
                PlatformIT.query(
                    "select max(attempts) from job where kind = 'task.work' and id <> '"
                        + elsewhere
                        + "' and payload ->> 'taskId' = '"
                        + task
                        + "'")))
        .as("waiting spends no attempt: at most the one of a claim being put off")
        .isLessThanOrEqualTo(1);
    PlatformIT.execute("update job set status = 'DONE' where id = '" + elsewhere + "'");
    JsonNode done = awaitStatus(task, "DONE");
    assertThat(done.get("task").get("result").asText()).isEqualTo("The API is built.");
  }

  @Test
  void aHeldToolWaitsForAPersonAndARejectionIsReportedToTheAgent() throws Exception {
    assertThat(
            Platform.send(
                    "PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"Not A Tool\"]}", owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(Platform.get("api/v1/tenant/approval-tools", owner).body()).contains("[]");
    assertThat(
            Platform.send(
                    "PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", owner)
                .statusCode())
        .isEqualTo(200);
    plan(
        "@Linus: call: clock_now {}",
        "@Linus: call: task_complete {\"result\":\"I could not tell the time.\"}");

    String task = task("{\"title\":\"Tell the time\",\"assigneeAgentId\":\"" + linus() + "\"}");

    awaitStatus(task, "WAITING_FOR_APPROVAL");
    JsonNode approvals =
        Platform.json(Platform.get("api/v1/organizations/" + organization + "/approvals", owner))
            .get("items");
    assertThat(approvals).hasSize(1);
    assertThat(approvals.get(0).get("toolId").asText()).isEqualTo("clock.now");
    String approval = approvals.get(0).get("id").asText();
    String[] stranger = PluginsApi.newTenantAdmin("meddler");
    assertThat(
            Platform.post(
                    "api/v1/approvals/" + approval + "/decision", "{\"approve\":true}", stranger)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            Platform.post("api/v1/approvals/" + approval + "/decision", "{\"note\":\"?\"}", owner)
                .statusCode())
        .isEqualTo(400);

    HttpResponse<String> rejected =
        Platform.post(
            "api/v1/approvals/" + approval + "/decision",
            "{\"approve\":false,\"note\":\"Not now\"}",
            owner);

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    JsonNode done = awaitStatus(task, "DONE");
    assertThat(done.get("task").get("result").asText()).isEqualTo("I could not tell the time.");
    assertThat(done.get("approvals").get(0).get("status").asText()).isEqualTo("REJECTED");
    assertThat(done.get("work").toString())
        .contains("A person rejected this action: Not now")
        .doesNotContain("\"text\":\"20");
    assertThat(done.get("comments").findValuesAsText("content"))
        .contains("Rejected: clock.now - Not now");
    assertThat(
            Platform.post("api/v1/approvals/" + approval + "/decision", "{\"approve\":true}", owner)
                .statusCode())
        .as("decided already")
        .isEqualTo(409);
    assertThat(Platform.get("api/v1/tenant/audit?action=APPROVAL_REFUSED", owner).body())
        .contains("APPROVAL_REFUSED");
  }

  @Test
  void anApprovedToolRunsWithTheArgumentsAsApproved() throws Exception {
    Platform.send("PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[\"clock.now\"]}", owner);
    plan("@Linus: call: clock_now {}", "@Linus: say: Here is the time.");
    String task = task("{\"title\":\"Tell the time\",\"assigneeAgentId\":\"" + linus() + "\"}");
    awaitStatus(task, "WAITING_FOR_APPROVAL");
    String approval =
        Platform.json(Platform.get("api/v1/tasks/" + task, owner))
            .get("approvals")
            .get(0)
            .get("id")
            .asText();

    Platform.post(
        "api/v1/approvals/" + approval + "/decision",
        "{\"approve\":true,\"arguments\":\"{}\"}",
        owner);

    JsonNode done = awaitStatus(task, "DONE");
    assertThat(done.get("task").get("result").asText()).isEqualTo("Here is the time.");
    assertThat(done.get("work").toString()).contains("\"toolName\":\"clock_now\"");
    assertThat(done.get("comments").findValuesAsText("content")).contains("Approved: clock.now");
  }

  @Test
  void anApprovalRunsItsOneCallOnceAndARepeatedCallIdWaitsForANewOne() throws Exception {
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.tool-http",
                    "{\"enabled\":true,\"config\":{\"allowedHosts\":\"example.com\"}}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    // Linus has both tools; both wait for a person
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/approval-tools",
                    "{\"toolIds\":[\"clock.now\",\"http.get\"]}",
                    owner)
                .statusCode())
        .isEqualTo(200);
    plan(
        "@Linus: call#call-1: clock_now {}",
        "@Linus: call#call-1: clock_now {}",
        "@Linus: call#call-1: http_get {\"url\":\"https://example.com/orders\"}",
        "@Linus: call: task_complete {\"result\":\"Asked twice.\"}");
    String task = task("{\"title\":\"Tell the time\",\"assigneeAgentId\":\"" + linus() + "\"}");
    awaitStatus(task, "WAITING_FOR_APPROVAL");

    decide(
        approvals(task).get(0), "{\"approve\":true,\"arguments\":\"{\\\"zone\\\":\\\"UTC\\\"}\"}");

    JsonNode repeated = awaitApprovals(task, 2);
    assertThat(repeated.get("task").get("status").asText()).isEqualTo("WAITING_FOR_APPROVAL");
    assertThat(repeated.get("approvals").get(0).get("status").asText()).isEqualTo("APPROVED");
    assertThat(repeated.get("approvals").get(1).get("status").asText()).isEqualTo("PENDING");
    assertThat(repeated.get("approvals").get(1).get("toolId").asText()).isEqualTo("clock.now");
    assertThat(repeated.get("approvals").get(1).get("arguments").asText()).isEqualTo("{}");
    assertThat(toolResults(repeated, "clock_now")).as("the approved call ran once").isEqualTo(1);

    decide(approvals(task).get(1), "{\"approve\":true}");

    JsonNode otherTool = awaitApprovals(task, 3);
    assertThat(otherTool.get("task").get("status").asText()).isEqualTo("WAITING_FOR_APPROVAL");
    JsonNode held = otherTool.get("approvals").get(2);
    assertThat(held.get("status").asText()).isEqualTo("PENDING");
    assertThat(held.get("toolId").asText()).isEqualTo("http.get");
    assertThat(held.get("arguments").asText()).contains("https://example.com/orders");
    assertThat(toolResults(otherTool, "clock_now")).isEqualTo(2);
    assertThat(toolResults(otherTool, "http_get")).as("not run on clock's approval").isZero();

    decide(held.get("id").asText(), "{\"approve\":false,\"note\":\"No orders.\"}");

    JsonNode done = awaitStatus(task, "DONE");
    assertThat(toolResults(done, "http_get")).isEqualTo(1);
    assertThat(done.get("work").toString()).contains("A person rejected this action: No orders.");
    assertThat(done.get("approvals")).hasSize(3);
  }

  @Test
  void aStuckAgentEscalatesToItsManagerAndAManagerlessOneToAPerson() throws Exception {
    plan(
        "@Grace: call: task_escalate {\"reason\":\"I need access to the server.\"}",
        "@Linus: call: task_complete {\"result\":\"Gave Grace access; deployed.\"}",
        "@Ada: call: task_escalate {\"reason\":\"The board must decide.\"}");

    String deploy =
        task("{\"title\":\"Deploy\",\"assigneeAgentId\":\"" + agents.get("Grace") + "\"}");
    String decide = task("{\"title\":\"Decide\",\"assigneeAgentId\":\"" + ada() + "\"}");

    JsonNode done = awaitStatus(deploy, "DONE");
    assertThat(done.get("task").get("assigneeAgentId").asText()).isEqualTo(linus());
    assertThat(done.get("task").get("result").asText()).isEqualTo("Gave Grace access; deployed.");
    assertThat(done.get("comments").findValuesAsText("content"))
        .containsExactly("Grace escalated to Linus: I need access to the server.");
    assertThat(done.get("work").toString())
        .as("Linus starts afresh, told why")
        .contains("I need access to the server.")
        .doesNotContain("task_escalate");
    JsonNode blocked = awaitStatus(decide, "BLOCKED");
    assertThat(blocked.get("task").get("assigneeAgentId").asText()).isEqualTo(ada());
    assertThat(blocked.get("comments").findValuesAsText("content"))
        .containsExactly("Ada asks for help: The board must decide.");
  }

  @Test
  void aCommentWakesTheAgentBeforeTheTasksDueTime() throws Exception {
    plan(
        "@Ada: call: task_escalate {\"reason\":\"Waiting for the board.\"}",
        "@Ada: call: task_complete {\"result\":\"The board said yes.\"}");
    String task =
        task(
            "{\"title\":\"Ask the board\",\"assigneeAgentId\":\""
                + ada()
                + "\",\"dueAt\":\""
                + Instant.now().plus(Duration.ofDays(7))
                + "\"}");
    awaitStatus(task, "BLOCKED");

    Platform.post(
        "api/v1/tasks/" + task + "/comments", "{\"content\":\"The board agrees.\"}", owner);

    JsonNode done = awaitStatus(task, "DONE");
    assertThat(done.get("task").get("result").asText()).isEqualTo("The board said yes.");
    assertThat(done.get("work").toString()).contains("The board agrees.");
  }

  @Test
  void closingATaskStopsTheSessionItsAgentIsWorkingIn() throws Exception {
    // six words at 400 ms each: the answer streams for longer than the test takes to cancel, and
    // ends within the model call's time limit, so no timeout ends the session instead
    String answer = "I will write it all today.";
    paced("400", "@Ada: say: " + answer);
    String task = task("{\"title\":\"Write an essay\",\"assigneeAgentId\":\"" + ada() + "\"}");
    awaitStatus(task, "IN_PROGRESS");

    HttpResponse<String> cancelled =
        Platform.send("PATCH", "api/v1/tasks/" + task, "{\"status\":\"CANCELLED\"}", owner);
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);

    String[] admin = PluginsApi.platformAdmin();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> "DONE".equals(sessionOf(task, admin).get("status").asText()));
    assertThat(sessionOf(task, admin).get("attempts").asInt())
        .as("stopped, not failed")
        .isEqualTo(1);
    JsonNode details = Platform.json(Platform.get("api/v1/tasks/" + task, owner));
    assertThat(details.get("task").get("status").asText()).isEqualTo("CANCELLED");
    assertThat(details.get("work").toString())
        .as("the answer never finished streaming")
        .contains("Write an essay")
        .doesNotContain(answer);
  }

  /** The one job of the task's agent. */
  private static JsonNode sessionOf(String task, String[] admin) throws Exception {
    JsonNode found = null;
    for (JsonNode job :
        Platform.json(Platform.get("api/v1/platform/jobs?limit=200", admin)).get("items")) {
      if (job.get("payload").asText().contains(task)) {
        assertThat(found).as("one job for the task").isNull();
        found = job;
      }
    }
    assertThat(found).as("the task's job").isNotNull();
    return found;
  }

  @Test
  void aTaskWhoseBudgetIsSpentIsBlockedWithoutAModelCall() throws Exception {
    String task =
        task(
            "{\"title\":\"Costly research\",\"status\":\"BACKLOG\",\"assigneeAgentId\":\""
                + linus()
                + "\"}");
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/budgets",
                    "{\"scope\":\"TASK\",\"scopeId\":\""
                        + task
                        + "\",\"unit\":\"TOKENS\",\"amount\":0}",
                    owner)
                .statusCode())
        .isEqualTo(200);

    Platform.send("PATCH", "api/v1/tasks/" + task, "{\"status\":\"TODO\"}", owner);

    JsonNode blocked = awaitStatus(task, "BLOCKED");
    assertThat(blocked.get("comments").findValuesAsText("content").toString())
        .contains("No model call was made")
        .contains("budget");
  }

  @Test
  void badTasksAreRefusedAndForeignTasksAreNotFound() throws Exception {
    String tasks = "api/v1/organizations/" + organization + "/tasks";
    for (String bad :
        List.of(
            "{\"title\":\"\"}",
            "{\"title\":\"x\",\"priority\":\"SOMEDAY\"}",
            "{\"title\":\"x\",\"assigneeAgentId\":\"00000000-0000-0000-0000-000000000001\"}",
            "{\"title\":\"x\",\"assigneeAgentId\":\""
                + ada()
                + "\",\"assigneeUserId\":\""
                + Platform.json(Platform.get("api/v1/me", owner)).get("id").asText()
                + "\"}")) {
      assertThat(Platform.post(tasks, bad, owner).statusCode()).as(bad).isEqualTo(400);
    }
    assertThat(board()).isEmpty();
    String task = task("{\"title\":\"Mine\"}");
    assertThat(
            Platform.json(Platform.get("api/v1/tasks/" + task, owner))
                .get("task")
                .get("status")
                .asText())
        .isEqualTo("BACKLOG");
    String[] stranger = PluginsApi.newTenantAdmin("nosy");
    assertThat(Platform.get("api/v1/tasks/" + task, stranger).statusCode()).isEqualTo(404);
    assertThat(
            Platform.send("PATCH", "api/v1/tasks/" + task, "{\"title\":\"Theirs\"}", stranger)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            Platform.post("api/v1/tasks/" + task + "/comments", "{\"content\":\"hi\"}", stranger)
                .statusCode())
        .isEqualTo(404);
    assertThat(Platform.get(tasks, stranger).statusCode()).isEqualTo(404);
    assertThat(
            Platform.send(
                    "PATCH", "api/v1/tasks/" + task, "{\"status\":\"WAITING_FOR_APPROVAL\"}", owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.json(Platform.get("api/v1/tasks/" + task, owner))
                .get("task")
                .get("title")
                .asText())
        .isEqualTo("Mine");
  }

  private void plan(String... lines) throws Exception {
    paced("1", lines);
  }

  /** A plan whose answers stream one word every so many milliseconds. */
  private void paced(String tokenDelayMillis, String... lines) throws Exception {
    Map<String, Object> body =
        Map.of(
            "enabled",
            true,
            "config",
            Map.of("tokenDelayMillis", tokenDelayMillis, "plan", String.join("\n", lines)));
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted", JSON.writeValueAsString(body), owner)
                .statusCode())
        .isEqualTo(200);
  }

  private String ada() {
    return agents.get("Ada");
  }

  private String linus() {
    return agents.get("Linus");
  }

  private String task(String body) throws Exception {
    HttpResponse<String> created =
        Platform.post("api/v1/organizations/" + organization + "/tasks", body, owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private JsonNode board() throws Exception {
    return Platform.json(Platform.get("api/v1/organizations/" + organization + "/tasks", owner))
        .get("items");
  }

  private List<String> approvals(String task) throws Exception {
    return Platform.json(Platform.get("api/v1/tasks/" + task, owner))
        .get("approvals")
        .findValuesAsText("id");
  }

  private void decide(String approval, String decision) throws Exception {
    HttpResponse<String> decided =
        Platform.post("api/v1/approvals/" + approval + "/decision", decision, owner);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
  }

  /**
   * The task once it has that many approvals, or once its agent stopped without asking for them
   * (then the assertions that follow tell what went wrong).
   */
  private JsonNode awaitApprovals(String task, int count) throws Exception {
    await()
        .atMost(WORK)
        .until(
            () -> {
              JsonNode details = Platform.json(Platform.get("api/v1/tasks/" + task, owner));
              String status = details.get("task").get("status").asText();
              return (details.get("approvals").size() >= count
                      && status.equals("WAITING_FOR_APPROVAL"))
                  || status.equals("DONE")
                  || status.equals("BLOCKED");
            });
    return Platform.json(Platform.get("api/v1/tasks/" + task, owner));
  }

  /** How many results of the tool the agent's work log holds. */
  private static long toolResults(JsonNode details, String toolName) {
    long count = 0;
    for (JsonNode step : details.get("work")) {
      if (toolName.equals(step.path("toolName").asText())) {
        count++;
      }
    }
    return count;
  }

  private JsonNode awaitStatus(String task, String status) throws Exception {
    await().atMost(WORK).until(() -> status(task).equals(status));
    return Platform.json(Platform.get("api/v1/tasks/" + task, owner));
  }

  private String status(String task) throws Exception {
    return Platform.json(Platform.get("api/v1/tasks/" + task, owner))
        .get("task")
        .get("status")
        .asText();
  }
}
