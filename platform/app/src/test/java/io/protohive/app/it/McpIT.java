package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MCP servers as a tenant's admins register them, against the protocol's reference server over
 * streamable HTTP: its tools are listed, an agent that has one calls it and reads its answer, a
 * tool that asks first is called in task work only once a person approved the call, a tool turned
 * off is offered nowhere, admins' changes are audited, and addresses the platform may not reach are
 * refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
class McpIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static EverythingServer everything;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void startTheReferenceServer() throws Exception {
    everything = EverythingServer.start();
  }

  @AfterAll
  static void stopTheReferenceServer() {
    if (everything != null) {
      everything.close();
    }
  }

  @Test
  void anAgentCallsARegisteredServersToolUntilItIsTurnedOff() throws Exception {
    Team team = Team.of("mcp", "disk");
    HttpResponse<String> registered = register(team.owner, "everything", url(), "s3cret-token");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(registered.body()).doesNotContain("s3cret-token");
    JsonNode server = Platform.json(registered);
    String id = server.get("id").asText();
    assertThat(server.get("tools").findValuesAsText("name")).contains("echo", "get-sum");
    assertThat(server.get("hasToken").asBoolean()).isTrue();
    JsonNode listed = Platform.json(Platform.get("api/v1/tenant/mcp-servers", team.owner));
    assertThat(listed.findValuesAsText("name")).contains("everything");

    String agent =
        team.scriptedAgent(
            "{\"name\":\"Parrot\",\"role\":\"Repeats what it is told\","
                + "\"tools\":[\"mcp.everything.echo\"]}",
            "call: mcp_everything_echo {\\\"message\\\":\\\"hi from the parrot\\\"}");
    String run = team.ask(agent, "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
        .contains("Echo: hi from the parrot");
    HttpResponse<String> without =
        team.owner("POST", "agents", "{\"name\":\"Mime\",\"role\":\"Says nothing\"}");
    String notItsTool = team.ask(Platform.json(without).get("id").asText(), "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + notItsTool, team.owner).body())
        .as("an agent is offered only the MCP tools among its tools")
        .contains("There is no tool named mcp_everything_echo")
        .doesNotContain("Echo: hi from the parrot");

    HttpResponse<String> off =
        Platform.send(
            "PUT",
            "api/v1/tenant/mcp-servers/" + id + "/tools/echo",
            "{\"policy\":\"OFF\"}",
            team.owner);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    String refused = team.ask(agent, "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + refused, team.owner).body())
        .contains("There is no tool named mcp_everything_echo")
        .doesNotContain("Echo: hi from the parrot");

    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/mcp-servers/" + id + "/tools/echo",
                    "{\"policy\":\"SOMETIMES\"}",
                    team.owner)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/mcp-servers/" + id + "/tools/no-such-tool",
                    "{\"policy\":\"OFF\"}",
                    team.owner)
                .statusCode())
        .isEqualTo(404);

    assertThat(
            Platform.post("api/v1/tenant/mcp-servers/" + id + "/refresh", "", team.owner)
                .statusCode())
        .isEqualTo(200);
    assertThat(Platform.send("DELETE", "api/v1/tenant/mcp-servers/" + id, null, team.owner))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .doesNotContain("everything");
    String audit = Platform.get("api/v1/tenant/audit?limit=200", team.owner).body();
    assertThat(audit)
        .contains(
            "MCP_SERVER_REGISTERED",
            "MCP_SERVER_REFRESHED",
            "MCP_SERVER_REMOVED",
            "MCP_TOOL_POLICY_CHANGED",
            "mcp.everything.echo OFF",
            "everything http://localhost:" + everything.port)
        .doesNotContain("s3cret-token");
  }

  @Test
  void eachPolicyOffersAToolWhereItShould() throws Exception {
    Team team = Team.of("mcp-policies", "disk");
    HttpResponse<String> registered = register(team.owner, "everything", url(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String id = Platform.json(registered).get("id").asText();
    assertThat(policy(team.owner, id, "echo", "ASK_FIRST").statusCode()).isEqualTo(200);
    HttpResponse<String> off = policy(team.owner, id, "get-tiny-image", "OFF");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(Platform.json(off).get("tools").toString())
        .contains(
            "\"name\":\"echo\",\"policy\":\"ASK_FIRST\"",
            "\"name\":\"get-tiny-image\",\"policy\":\"OFF\"");
    HttpResponse<String> unknown = policy(team.owner, id, "echo", "SOMETIMES");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("ALLOWED, ASK_FIRST or OFF");

    String tools =
        "\"tools\":[\"mcp.everything.echo\",\"mcp.everything.get-sum\","
            + "\"mcp.everything.get-tiny-image\"]";
    assertThat(
            team.owner(
                    "POST", "agents", "{\"name\":\"Bad\",\"role\":\"x\",\"tools\":[\"mcp.Bad.x\"]}")
                .statusCode())
        .isEqualTo(400);
    String clerk = team.scriptedAgent("{\"name\":\"Clerk\",\"role\":\"Adds\"," + tools + "}", "");
    String asker = agent(team, "{\"name\":\"Asker\",\"role\":\"Asks\"," + tools + "}");
    String worker = agent(team, "{\"name\":\"Worker\",\"role\":\"Works\"," + tools + "}");
    String idler = agent(team, "{\"name\":\"Idler\",\"role\":\"Idles\"," + tools + "}");
    plan(
        team,
        "@Clerk: call: mcp_everything_get-sum {\"a\":2,\"b\":3}",
        "@Worker: call: mcp_everything_echo {\"message\":\"from the task\"}",
        "@Worker: say: Done.",
        "@Idler: call: mcp_everything_get-tiny-image {}");

    String allowed = team.ask(clerk, "Add", List.of());
    assertThat(Platform.get("api/v1/runs/" + allowed, team.owner).body())
        .contains("The sum of 2 and 3 is 5.");
    // the scripted model calls a tool it is asked to use only when it is offered
    assertThat(runText(team, asker, "Please use mcp_everything_get-sum"))
        .contains("The tool mcp_everything_get-sum answered");
    assertThat(runText(team, asker, "Please use mcp_everything_echo"))
        .as("asks first: not offered in a conversation")
        .contains("You said: Please use mcp_everything_echo");
    assertThat(runText(team, asker, "Please use mcp_everything_get-tiny-image"))
        .as("off")
        .contains("You said: Please use mcp_everything_get-tiny-image");

    String approvedTask = task(team, worker, "Echo");
    JsonNode waiting = awaitTask(team, approvedTask, "WAITING_FOR_APPROVAL");
    assertThat(waiting.get("approvals")).hasSize(1);
    JsonNode approval = waiting.get("approvals").get(0);
    assertThat(approval.get("toolId").asText()).isEqualTo("mcp.everything.echo");
    assertThat(approval.get("arguments").asText()).contains("from the task");
    assertThat(toolResults(waiting, "mcp_everything_echo")).as("not run before").isZero();
    decide(team, approval.get("id").asText(), "{\"approve\":true}");
    JsonNode approved = awaitTask(team, approvedTask, "DONE");
    assertThat(approved.get("task").get("result").asText()).isEqualTo("Done.");
    assertThat(approved.get("work").toString()).contains("Echo: from the task");
    assertThat(toolResults(approved, "mcp_everything_echo")).as("ran once").isEqualTo(1);
    assertThat(approved.get("approvals").get(0).get("status").asText()).isEqualTo("APPROVED");

    String rejectedTask = task(team, worker, "Echo again");
    JsonNode held = awaitTask(team, rejectedTask, "WAITING_FOR_APPROVAL");
    decide(
        team,
        held.get("approvals").get(0).get("id").asText(),
        "{\"approve\":false,\"note\":\"Not today\"}");
    JsonNode rejected = awaitTask(team, rejectedTask, "DONE");
    assertThat(rejected.get("work").toString())
        .contains("A person rejected this action: Not today")
        .doesNotContain("Echo: from the task");
    assertThat(toolResults(rejected, "mcp_everything_echo")).isEqualTo(1);

    String offTask = task(team, idler, "Draw");
    JsonNode refused = awaitTask(team, offTask, "DONE");
    assertThat(refused.get("task").get("result").asText())
        .contains("There is no tool named mcp_everything_get-tiny-image");
    assertThat(refused.get("approvals")).isEmpty();
  }

  @Test
  void anotherTenantAndMembersCannotSeeOrChangeTheServers() throws Exception {
    Team team = Team.of("mcp-owner", "disk");
    HttpResponse<String> registered = register(team.owner, "everything", url(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String id = Platform.json(registered).get("id").asText();

    String[] foreign = PluginsApi.newTenantAdmin("mcp-snoop");
    assertThat(Platform.get("api/v1/tenant/mcp-servers", foreign).body())
        .doesNotContain("everything");
    assertThat(policy(foreign, id, "echo", "OFF").statusCode()).isEqualTo(404);
    assertThat(policy(foreign, id, "echo", "ASK_FIRST").statusCode()).isEqualTo(404);
    assertThat(
            Platform.send("DELETE", "api/v1/tenant/mcp-servers/" + id, null, foreign).statusCode())
        .isEqualTo(404);
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.member).statusCode()).isEqualTo(403);
    assertThat(register(team.member, "mine", url(), null).statusCode()).isEqualTo(403);
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body()).contains("everything");
  }

  @Test
  void badServersAreRefusedWithTheReason() throws Exception {
    Team team = Team.of("mcp-bad", "disk");
    HttpResponse<String> privateAddress =
        register(team.owner, "loopback", "http://127.0.0.1:" + everything.port + "/mcp", null);
    assertThat(privateAddress.statusCode()).isEqualTo(400);
    assertThat(privateAddress.body()).contains("127.0.0.1").contains("loopback");

    HttpResponse<String> unreachable =
        register(
            team.owner, "gone", "http://localhost:" + EverythingServer.freePort() + "/mcp", null);
    assertThat(unreachable.statusCode()).isEqualTo(400);
    assertThat(unreachable.body()).contains("could not be reached");

    assertThat(register(team.owner, "Not A Name", url(), null).statusCode()).isEqualTo(400);
    assertThat(register(team.owner, "ftp", "ftp://localhost/mcp", null).statusCode())
        .isEqualTo(400);
    assertThat(register(team.owner, "twice", url(), null).statusCode()).isEqualTo(201);
    assertThat(register(team.owner, "twice", url(), null).statusCode()).isEqualTo(409);
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .doesNotContain("loopback")
        .doesNotContain("gone");
  }

  private static HttpResponse<String> policy(String[] who, String id, String tool, String policy)
      throws Exception {
    return Platform.send(
        "PUT",
        "api/v1/tenant/mcp-servers/" + id + "/tools/" + tool,
        "{\"policy\":\"" + policy + "\"}",
        who);
  }

  private static String agent(Team team, String description) throws Exception {
    HttpResponse<String> created = team.owner("POST", "agents", description);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  /** The scripted model's plan for the team's agents, one step a line. */
  private static void plan(Team team, String... lines) throws Exception {
    Map<String, Object> body =
        Map.of(
            "enabled",
            true,
            "config",
            Map.of("tokenDelayMillis", "1", "plan", String.join("\n", lines)));
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted", JSON.writeValueAsString(body), team.owner)
                .statusCode())
        .isEqualTo(200);
  }

  /** What the agent's finished run, in a new conversation, holds. */
  private static String runText(Team team, String agent, String words) throws Exception {
    return Platform.get("api/v1/runs/" + team.ask(agent, words, List.of()), team.owner).body();
  }

  private static String task(Team team, String agent, String title) throws Exception {
    HttpResponse<String> created =
        team.owner(
            "POST", "tasks", "{\"title\":\"" + title + "\",\"assigneeAgentId\":\"" + agent + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private static JsonNode awaitTask(Team team, String task, String status) throws Exception {
    await()
        .atMost(Team.INGESTION)
        .until(
            () ->
                Platform.json(Platform.get("api/v1/tasks/" + task, team.owner))
                    .get("task")
                    .get("status")
                    .asText(),
            found -> found.equals(status) || found.equals("BLOCKED") || found.equals("DONE"));
    JsonNode details = Platform.json(Platform.get("api/v1/tasks/" + task, team.owner));
    assertThat(details.get("task").get("status").asText()).as(details.toString()).isEqualTo(status);
    return details;
  }

  private static void decide(Team team, String approval, String decision) throws Exception {
    HttpResponse<String> decided =
        Platform.post("api/v1/approvals/" + approval + "/decision", decision, team.owner);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
  }

  /** How many results of the tool the task's work log holds. */
  private static long toolResults(JsonNode details, String toolName) {
    long count = 0;
    for (JsonNode step : details.get("work")) {
      if (toolName.equals(step.path("toolName").asText())) {
        count++;
      }
    }
    return count;
  }

  static HttpResponse<String> register(String[] who, String name, String url, String token)
      throws Exception {
    return Platform.post(
        "api/v1/tenant/mcp-servers",
        "{\"name\":\""
            + name
            + "\",\"url\":\""
            + url
            + "\""
            + (token == null ? "" : ",\"token\":\"" + token + "\"")
            + "}",
        who);
  }

  private static String url() {
    return everything.url();
  }
}
