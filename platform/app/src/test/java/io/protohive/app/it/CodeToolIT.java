package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled code plugin through an agent: a tenant admin allows it explicitly, an agent runs
 * Python in the sandbox on the files a person may read, and the chart it draws is kept as the
 * organization's file and comes with the agent's reply.
 */
@ExtendWith(ArquillianExtension.class)
class CodeToolIT {

  private static final String PLUGIN = "io.protohive.plugins.tool-code";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  /**
   * A person's CSV goes in, the chart the code draws from it comes out as the organization's file,
   * attached to the agent's reply; a file the person may not read, or another tenant's, is refused
   * and nothing runs; a file written beside the out folder is not kept.
   */
  @Test
  void anAgentChartsAPersonsCsvAndItsReplyCarriesTheChart() throws Exception {
    Team team = Team.of("codefiles", "disk");
    Team stranger = Team.of("codestranger", "disk");
    HttpResponse<String> allowed =
        PluginsApi.configure(PLUGIN, "{\"enabled\":true,\"allowCode\":true}", team.owner);
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    String sales = team.uploaded("sales.csv", "month,honey\nJan,12\nFeb,18\n".getBytes(UTF_8));
    String payroll = team.uploaded("payroll.csv", "name,pay\nAda,1\n".getBytes(UTF_8));
    assertThat(team.ownerFile("PATCH", payroll, "{\"visibility\":\"NAMED\"}").statusCode())
        .isEqualTo(200);
    String foreign = stranger.uploaded("secret.csv", "a,b\n1,2\n".getBytes(UTF_8));
    String chart =
        "import pandas as pd\n"
            + "sales = pd.read_csv('in/sales.csv')\n"
            + "print('total', sales['honey'].sum())\n"
            + "sales.plot.bar(x='month', y='honey').get_figure().savefig('out/chart.png')\n"
            + "open('out/../escape.txt', 'w').write('beside the out folder')\n";
    String ran = "open('out/ran.txt', 'w').write('ran')\n";
    String analyst =
        team.scriptedAgent(
            "{\"name\":\"Analyst\",\"role\":\"Charts numbers\",\"tools\":[\"code.run\"]}",
            escaped(
                String.join(
                    "\n",
                    "@Analyst: call: code_run " + python(chart, sales),
                    "@Nosy: call: code_run " + python(ran, payroll),
                    "@Smuggler: call: code_run " + python(ran, foreign))));
    String nosy =
        idOf(
            team.owner(
                "POST",
                "agents",
                "{\"name\":\"Nosy\",\"role\":\"Reads files\",\"tools\":[\"code.run\"]}"));
    String smuggler =
        idOf(
            team.owner(
                "POST",
                "agents",
                "{\"name\":\"Smuggler\",\"role\":\"Reads files\",\"tools\":[\"code.run\"]}"));

    String run = team.ask(analyst, "Chart the sales file", List.of(sales));

    JsonNode kept =
        Platform.json(
                Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
            .get("items");
    assertThat(kept.findValuesAsText("name"))
        .containsExactlyInAnyOrder("chart.png", "sales.csv", "payroll.csv");
    JsonNode png = file(kept, "chart.png");
    assertThat(png.get("contentType").asText()).isEqualTo("image/png");
    assertThat(png.get("agentId").asText()).isEqualTo(analyst);
    assertThat(png.get("runId").asText()).isEqualTo(run);
    JsonNode finished = Platform.json(Platform.get("api/v1/runs/" + run, team.owner));
    assertThat(finished.toString())
        .contains("Files read: ./in/sales.csv", "Exit code: 0", "total 30")
        .contains("Saved as the file [chart.png](/files/" + png.get("id").asText());
    String conversation = finished.get("conversationId").asText();
    JsonNode reply =
        StreamSupport.stream(
                Platform.json(
                        Platform.get(
                            "api/v1/conversations/" + conversation + "/messages", team.owner))
                    .get("items")
                    .spliterator(),
                false)
            .filter(message -> message.get("authorKind").asText().equals("AGENT"))
            .findFirst()
            .orElseThrow();
    assertThat(reply.get("files").findValuesAsText("id")).containsExactly(png.get("id").asText());
    assertThat(reply.get("files").findValuesAsText("name")).containsExactly("chart.png");
    SocketIT.Frames socket = SocketIT.connect(team.owner[1].substring("Bearer ".length()));
    socket.send("{\"type\":\"subscribe\",\"conversationId\":\"" + conversation + "\"}");
    assertThat(socket.next().get("type").asText()).isEqualTo("subscribed");
    List<JsonNode> events = socket.until("message.completed");
    socket.close();
    assertThat(events.get(events.size() - 1).get("data").get("files").findValuesAsText("id"))
        .containsExactly(png.get("id").asText());

    String unreadable = team.ask(nosy, "Read the payroll", List.of(), team.member);
    String smuggled = team.ask(smuggler, "Read the secret", List.of());

    assertThat(Platform.get("api/v1/runs/" + unreadable, team.member).body())
        .contains("No file with the id " + payroll, "Nothing ran.");
    assertThat(Platform.get("api/v1/runs/" + smuggled, team.owner).body())
        .contains("No file with the id " + foreign, "Nothing ran.");
    assertThat(team.names(team.owner, ""))
        .containsExactlyInAnyOrder("chart.png", "sales.csv", "payroll.csv");
  }

  @Test
  void aTenantAdminMustAllowCodeBeforeAnAgentRunsItAndKeepsItsChart() throws Exception {
    Team team = Team.of("code", "disk");
    HttpResponse<String> unallowed = PluginsApi.configure(PLUGIN, "{\"enabled\":true}", team.owner);
    assertThat(unallowed.statusCode()).as(unallowed.body()).isEqualTo(400);
    assertThat(unallowed.body()).contains("allowCode");
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/plugins/" + PLUGIN, team.owner)).toString())
        .contains("\"enabled\":false");
    HttpResponse<String> allowed =
        PluginsApi.configure(PLUGIN, "{\"enabled\":true,\"allowCode\":true}", team.owner);
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);

    String agent =
        team.scriptedAgent(
            "{\"name\":\"Analyst\",\"role\":\"Charts numbers\",\"tools\":[\"code.run\"]}",
            "call: code_run {\\\"language\\\":\\\"python\\\",\\\"code\\\":\\\"import"
                + " matplotlib.pyplot as plt\\\\nplt.bar(['Jan','Feb'],[12,18])\\\\n"
                + "plt.savefig('out/honey.png')\\\\nprint(12 + 18)\\\"}");
    String run = team.ask(agent, "Chart our honey sales", List.of());

    JsonNode kept =
        Platform.json(
                Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
            .get("items");
    assertThat(kept.findValuesAsText("name")).containsExactly("honey.png");
    assertThat(kept.get(0).get("contentType").asText()).isEqualTo("image/png");
    assertThat(kept.get(0).get("agentId").asText()).isEqualTo(agent);
    assertThat(kept.get(0).get("runId").asText()).isEqualTo(run);
    assertThat(Platform.get("api/v1/runs/" + run, team.owner).body())
        .contains("Exit code: 0", "30", "Saved as the file [honey.png](/files/");
  }

  /** The arguments of a code.run call of the Python program, reading the file. */
  private static String python(String code, String fileId) throws Exception {
    return JSON.writeValueAsString(
        Map.of("language", "python", "code", code, "files", List.of(fileId)));
  }

  /** The text as it stands inside a JSON string, without the quotes. */
  private static String escaped(String text) throws Exception {
    String quoted = JSON.writeValueAsString(text);
    return quoted.substring(1, quoted.length() - 1);
  }

  private static String idOf(HttpResponse<String> created) throws Exception {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private static JsonNode file(JsonNode files, String name) {
    return StreamSupport.stream(files.spliterator(), false)
        .filter(file -> file.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
