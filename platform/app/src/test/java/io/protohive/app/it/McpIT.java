package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

  /** Installed by bin/prepare-test-machine. */
  private static final Path EVERYTHING =
      Path.of(
          System.getProperty(
              "it.mcp.server", "/opt/protohive-test/mcp/node_modules/.bin/mcp-server-everything"));

  private static Process everything;
  private static int port;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void startTheReferenceServer() throws Exception {
    assertThat(Files.isExecutable(EVERYTHING))
        .as(EVERYTHING + " (bin/prepare-test-machine installs it)")
        .isTrue();
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(EVERYTHING.toString(), "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(new File("target/mcp-everything.log"));
    builder.environment().put("PORT", String.valueOf(port));
    everything = builder.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> listening(port));
  }

  @AfterAll
  static void stopTheReferenceServer() {
    if (everything != null) {
      everything.destroy();
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
        register(team.owner, "loopback", "http://127.0.0.1:" + port + "/mcp", null);
    assertThat(privateAddress.statusCode()).isEqualTo(400);
    assertThat(privateAddress.body()).contains("127.0.0.1").contains("loopback");

    HttpResponse<String> unreachable =
        register(team.owner, "gone", "http://localhost:" + closedPort() + "/mcp", null);
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
    return "http://localhost:" + port + "/mcp";
  }

  private static int closedPort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
