package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MCP servers that platform admins register for a tenant as commands, against the protocol's
 * reference server over its standard input and output: it runs in the sandbox, the tenant's agent
 * calls its tools, and it reaches no network; tenant admins cannot make the platform run a command.
 */
@ExtendWith(ArquillianExtension.class)
class McpStdioIT {

  /** Installed by bin/prepare-test-machine. */
  private static final Path FOLDER =
      Path.of(System.getProperty("it.mcp.folder", "/opt/protohive-test/mcp"));

  private static final Path EVERYTHING = FOLDER.resolve("node_modules/.bin/mcp-server-everything");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aPlatformAdminRunsAServerForATenantWhoseAgentCallsIt() throws Exception {
    assertThat(Files.isExecutable(EVERYTHING))
        .as(EVERYTHING + " (bin/prepare-test-machine installs it)")
        .isTrue();
    Team team = Team.of("mcp-stdio", "disk");

    HttpResponse<String> registered = register(PluginsApi.platformAdmin(), tenantId(team));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    JsonNode server = Platform.json(registered);
    assertThat(server.get("tools").findValuesAsText("name")).contains("echo", "get-sum");
    assertThat(server.get("command").get(0).asText()).isEqualTo(EVERYTHING.toString());
    assertThat(server.has("url")).isFalse();
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .contains("everything", EVERYTHING.toString());

    String agent =
        team.scriptedAgent(
            "{\"name\":\"Parrot\",\"role\":\"Repeats what it is told\",\"tools\":[\"mcp.everything.echo\"]}",
            "call: mcp_everything_echo {\\\"message\\\":\\\"hi from the sandbox\\\"}");
    String run = team.ask(agent, "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
        .contains("Echo: hi from the sandbox");
    // the second call reaches the running process
    String again = team.ask(agent, "Say hi again", List.of());
    assertThat(Platform.get("api/v1/runs/" + again, team.owner).body())
        .contains("Echo: hi from the sandbox");

    String id = server.get("id").asText();
    assertThat(Platform.send("DELETE", "api/v1/tenant/mcp-servers/" + id, null, team.owner))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(204);
  }

  @Test
  void theServerCannotReachTheHostsNetwork() throws Exception {
    Team team = Team.of("mcp-stdio-net", "disk");
    assertThat(register(PluginsApi.platformAdmin(), tenantId(team)).statusCode()).isEqualTo(201);
    AtomicInteger asked = new AtomicInteger();
    HttpServer host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext(
        "/",
        exchange -> {
          asked.incrementAndGet();
          byte[] secret = "the host's secret".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, secret.length);
          exchange.getResponseBody().write(secret);
          exchange.close();
        });
    host.start();
    try {
      String agent =
          team.scriptedAgent(
              "{\"name\":\"Fetcher\",\"role\":\"Fetches files\",\"tools\":[\"mcp.everything.gzip-file-as-resource\"]}",
              "call: mcp_everything_gzip-file-as-resource {\\\"name\\\":\\\"s.gz\\\","
                  + "\\\"outputType\\\":\\\"resource\\\",\\\"data\\\":\\\"http://127.0.0.1:"
                  + host.getAddress().getPort()
                  + "/secret\\\"}");
      String run = team.ask(agent, "Fetch it", List.of());

      assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
          .containsIgnoringCase("fetch failed");
      assertThat(asked).hasValue(0);
    } finally {
      host.stop(0);
    }
  }

  @Test
  void tenantAdminsCannotMakeThePlatformRunACommand() throws Exception {
    Team team = Team.of("mcp-stdio-attack", "disk");
    Path marker = Path.of("/tmp/mcp-stdio-attack-" + UUID.randomUUID());
    String shell =
        "\"command\":\"/bin/sh\",\"args\":[\"-c\",\"touch " + marker + "\"],\"folder\":\"/bin\"";

    HttpResponse<String> withUrl =
        Platform.post(
            "api/v1/tenant/mcp-servers",
            "{\"name\":\"shell\",\"url\":\"http://localhost:9/mcp\"," + shell + "}",
            team.owner);
    HttpResponse<String> withoutUrl =
        Platform.post(
            "api/v1/tenant/mcp-servers", "{\"name\":\"shell\"," + shell + "}", team.owner);
    HttpResponse<String> platformPath =
        Platform.post(
            "api/v1/platform/tenants/" + tenantId(team) + "/mcp-servers",
            "{\"name\":\"shell\"," + shell + "}",
            team.owner);

    // the tenant's operation knows no command: the fields are refused as unknown
    assertThat(withUrl.statusCode()).as(withUrl.body()).isEqualTo(400);
    assertThat(withoutUrl.statusCode()).as(withoutUrl.body()).isEqualTo(400);
    assertThat(platformPath.statusCode()).as(platformPath.body()).isEqualTo(403);
    assertThat(marker).doesNotExist();
    assertThat(Platform.get("api/v1/tenant/mcp-servers", team.owner).body())
        .doesNotContain("shell");
  }

  @Test
  void badCommandsAreRefusedWithTheReason() throws Exception {
    Team team = Team.of("mcp-stdio-bad", "disk");
    String[] admin = PluginsApi.platformAdmin();
    String servers = "api/v1/platform/tenants/" + tenantId(team) + "/mcp-servers";

    HttpResponse<String> relative =
        Platform.post(servers, "{\"name\":\"rel\",\"command\":\"bin/server\"}", admin);
    assertThat(relative.statusCode()).isEqualTo(400);
    assertThat(relative.body()).contains("absolute path");
    HttpResponse<String> noServer =
        Platform.post(servers, "{\"name\":\"true\",\"command\":\"/usr/bin/true\"}", admin);
    assertThat(noServer.statusCode()).isEqualTo(400);
    assertThat(noServer.body()).contains("could not be used");
    assertThat(
            Platform.post(
                    "api/v1/platform/tenants/" + UUID.randomUUID() + "/mcp-servers",
                    "{\"name\":\"x\",\"command\":\"" + EVERYTHING + "\"}",
                    admin)
                .statusCode())
        .isEqualTo(404);
    assertThat(register(admin, tenantId(team)).statusCode()).isEqualTo(201);
    assertThat(register(admin, tenantId(team)).statusCode()).isEqualTo(409);
  }

  private static HttpResponse<String> register(String[] who, String tenantId) throws Exception {
    return Platform.post(
        "api/v1/platform/tenants/" + tenantId + "/mcp-servers",
        "{\"name\":\"everything\",\"command\":\""
            + EVERYTHING
            + "\",\"args\":[\"stdio\"],\"folder\":\""
            + FOLDER
            + "\"}",
        who);
  }

  private static String tenantId(Team team) throws Exception {
    return PlatformIT.query("select id from tenant where slug = '" + team.tenant + "'");
  }
}
