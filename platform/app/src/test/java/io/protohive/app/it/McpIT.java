package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MCP servers as a tenant's admins register them, against the protocol's reference server over
 * streamable HTTP: its tools are listed, an agent calls one and reads its answer, a tool turned off
 * is no longer offered, and addresses the platform may not reach are refused with the reason.
 */
@ExtendWith(ArquillianExtension.class)
class McpIT {

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
            "{\"name\":\"Parrot\",\"role\":\"Repeats what it is told\"}",
            "call: mcp_everything_echo {\\\"message\\\":\\\"hi from the parrot\\\"}");
    String run = team.ask(agent, "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
        .contains("Echo: hi from the parrot");

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

    assertThat(Platform.send("DELETE", "api/v1/tenant/mcp-servers/" + id, null, team.owner))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .doesNotContain("everything");
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
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/mcp-servers/" + id + "/tools/echo",
                    "{\"policy\":\"OFF\"}",
                    foreign)
                .statusCode())
        .isEqualTo(404);
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

  private static HttpResponse<String> register(String[] who, String name, String url, String token)
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
