package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An MCP server that hangs, answers a gigabyte, hangs up mid-answer, refuses the arguments its own
 * schema declares, answers nonsense or declares a schema that is no schema: each call ends as a
 * tool error with its reason within the plugin call timeout, the agent goes on, and another
 * tenant's calls are answered meanwhile.
 */
@ExtendWith(ArquillianExtension.class)
class McpFaultsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The test server's plugin call timeout, protohive.plugins.call-timeout. */
  private static final long CALL_TIMEOUT_MILLIS = 8_000;

  /** Opening the session before the call and closing it after take a moment more. */
  private static final long HANDSHAKES_MILLIS = 2_000;

  private static MisbehavingMcpServer server;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeAll
  static void startTheServer() throws Exception {
    server = MisbehavingMcpServer.start("Nothing new today.");
  }

  @AfterAll
  static void stopTheServer() {
    server.close();
  }

  @Test
  void eachFaultIsAToolErrorWithItsReasonAndAnotherTenantIsAnsweredMeanwhile() throws Exception {
    Team probing = Team.of("mcp-faults", "disk");
    HttpResponse<String> registered = McpIT.register(probing.owner, "faulty", server.url(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(Platform.json(registered).get("tools").findValuesAsText("name"))
        .as("a schema that is no schema spoils no listing")
        .contains("hang", "huge", "drop", "count", "garbled", "junk");
    String prober =
        probing.scriptedAgent(
            "{\"name\":\"Prober\",\"role\":\"Tries every tool\",\"tools\":[\"mcp.faulty.hang\",\"mcp.faulty.huge\",\"mcp.faulty.drop\",\"mcp.faulty.count\",\"mcp.faulty.garbled\",\"mcp.faulty.junk\"]}",
            planned(
                "call: mcp_faulty_hang {}",
                "call: mcp_faulty_huge {}",
                "call: mcp_faulty_drop {}",
                "call: mcp_faulty_count {\"n\":7}",
                "call: mcp_faulty_garbled {}",
                "call: mcp_faulty_junk {\"a\":1}",
                "say: I tried them all."));
    Team calm = Team.of("mcp-calm", "disk");
    assertThat(McpIT.register(calm.owner, "calm", server.url(), null).statusCode()).isEqualTo(201);
    String parrot =
        calm.scriptedAgent(
            "{\"name\":\"Parrot\",\"role\":\"Repeats what it is told\",\"tools\":[\"mcp.calm.echo\"]}",
            planned("call: mcp_calm_echo {\"message\":\"hi from the calm tenant\"}"));

    String probed = startRun(probing, prober);
    // the run waits in the job queue behind what earlier tests left there on a loaded machine
    await().atMost(Duration.ofSeconds(90)).until(() -> server.hanging() == 1);
    String answered = calm.ask(parrot, "Say hi", List.of());
    assertThat(Platform.get("api/v1/runs/" + answered, calm.owner).body())
        .contains("Echo: hi from the calm tenant");
    assertThat(run(probing, probed).get("status").asText())
        .as("the other tenant was answered while the hanging call waited")
        .isEqualTo("RUNNING");

    JsonNode finished =
        await()
            .atMost(Duration.ofSeconds(90))
            .until(
                () -> run(probing, probed), run -> !run.get("status").asText().equals("RUNNING"));
    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
    List<JsonNode> results =
        StreamSupport.stream(finished.get("trace").spliterator(), false)
            .filter(step -> step.get("kind").asText().equals("tool.result"))
            .toList();
    assertThat(results).as(finished.toString()).hasSize(6);
    assertFailed(results.get(0), "mcp.faulty.hang", "the server did not answer in time");
    assertThat(results.get(0).get("durationMillis").asLong())
        .isGreaterThanOrEqualTo(CALL_TIMEOUT_MILLIS - HANDSHAKES_MILLIS);
    assertFailed(results.get(1), "mcp.faulty.huge", "exceeds the maximum allowed size");
    assertThat(server.hugeBytesSent()).as("read no further than the limit").isLessThan(64L << 20);
    assertFailed(results.get(2), "mcp.faulty.drop", "the connection failed");
    assertFailed(results.get(3), "mcp.faulty.count", "n must be a word");
    assertFailed(results.get(4), "mcp.faulty.garbled", "does not follow the protocol");
    assertThat(results.get(5).get("status").asText()).isEqualTo("OK");
    assertThat(results.get(5).get("content").asText())
        .isEqualTo("Ran with a schema that is no schema.");
    assertThat(finished.toString()).contains("I tried them all.");

    assertThat(Platform.get("api/v1/tenant/mcp-servers", probing.owner).body())
        .as("the platform still serves the tenant")
        .contains("faulty");
  }

  /** A tool error with a reason, within the call's deadline. */
  private static void assertFailed(JsonNode result, String tool, String reason) {
    assertThat(result.get("tool").asText()).isEqualTo(tool);
    assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("TOOL_ERROR");
    assertThat(result.get("content").asText())
        .as(result.toString())
        .startsWith("Refused: ")
        .contains(reason)
        .doesNotContain("Exception")
        .hasSizeLessThan(400);
    assertThat(result.get("durationMillis").asLong())
        .as(result.toString())
        .isLessThan(CALL_TIMEOUT_MILLIS + HANDSHAKES_MILLIS);
  }

  private static String startRun(Team team, String agent) throws Exception {
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + team.conversation(agent, team.owner) + "/messages",
            "{\"content\":\"Try every tool.\"}",
            team.owner);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    return Platform.json(posted).get("runId").asText();
  }

  private static JsonNode run(Team team, String run) throws Exception {
    return Platform.json(Platform.get("api/v1/runs/" + run, team.owner));
  }

  /** The scripted model's plan, as it goes inside the JSON string Team writes. */
  static String planned(String... lines) throws Exception {
    String quoted = JSON.writeValueAsString(String.join("\n", lines));
    return quoted.substring(1, quoted.length() - 1);
  }
}
