package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent's working day in one chat turn, through every kind of tool: it searches the web (a fake
 * SearXNG), reads a page (a local site), charts in Python the CSV the person attached, writes a
 * DOCX report, and calls tools of the MCP server the tenant admin registered (the protocol's
 * reference server), one of which answers with an image. Each step is in the run's trace, and the
 * chart, the report and the image are the organization's files, attached to the agent's reply.
 */
@ExtendWith(ArquillianExtension.class)
class AgentAtWorkIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer site;
  private EverythingServer mcp;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startTheOutsideWorld() throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", EverythingServer.freePort()), 0);
    site.createContext(
        "/search",
        exchange ->
            WebToolsIT.respond(
                exchange,
                "application/json",
                """
                {"query":"honey prices","number_of_results":1,"results":[
                  {"url":"%s","title":"Honey prices this winter",
                   "content":"Prices of jarred honey rose.","engine":"duckduckgo","score":1.0}],
                 "answers":[],"suggestions":[],"unresponsive_engines":[]}"""
                    .formatted(page())));
    site.createContext(
        "/prices",
        exchange ->
            WebToolsIT.respond(
                exchange,
                "text/html; charset=utf-8",
                """
                <html><head><title>Honey prices this winter</title></head><body>
                <article><h1>Honey prices this winter</h1>
                <p>A jar of wildflower honey sells for 7 euros this winter, one more than last
                year.</p></article></body></html>"""));
    site.start();
    mcp = EverythingServer.start();
  }

  @AfterEach
  void stopTheOutsideWorld() {
    site.stop(0);
    mcp.close();
  }

  @Test
  void anAgentSearchesReadsChartsWritesAndCallsAnMcpToolInOneTurn() throws Exception {
    Team team = Team.of("at-work", "disk");
    enable(team, "io.protohive.plugins.tool-web", Map.of("provider", "searxng", "baseUrl", base()));
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.tool-code",
                    "{\"enabled\":true,\"allowCode\":true}",
                    team.owner)
                .statusCode())
        .isEqualTo(200);
    enable(team, "io.protohive.plugins.tool-documents", Map.of());
    HttpResponse<String> registered = McpIT.register(team.owner, "everything", mcp.url(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String sales =
        team.uploaded("sales.csv", "month,jars\nOct,12\nNov,18\nDec,25\n".getBytes(UTF_8));

    String agent =
        team.scriptedAgent(
            JSON.writeValueAsString(
                Map.of(
                    "name",
                    "Analyst",
                    "role",
                    "Researches and reports",
                    "tools",
                    List.of(
                        "web.search",
                        "web.read",
                        "code.run",
                        "documents.docx",
                        "mcp.everything.get-sum",
                        "mcp.everything.get-tiny-image"))),
            McpFaultsIT.planned(
                "call: web_search {\"query\":\"honey prices\",\"limit\":3}",
                "call: web_read {\"url\":\"" + page() + "\"}",
                "call: code_run "
                    + JSON.writeValueAsString(
                        Map.of(
                            "language",
                            "python",
                            "files",
                            List.of(sales),
                            "code",
                            String.join(
                                "\n",
                                "import pandas as pd",
                                "import matplotlib.pyplot as plt",
                                "sales = pd.read_csv('in/sales.csv')",
                                "sales.plot(x='month', y='jars', kind='bar')",
                                "plt.savefig('out/jars.png')",
                                "print('jars sold:', sales['jars'].sum())"))),
                "call: documents_docx "
                    + JSON.writeValueAsString(
                        Map.of(
                            "title",
                            "Honey report",
                            "markdown",
                            "# Honey report\n\nWe sold 55 jars; a jar sells for 7 euros.")),
                "call: mcp_everything_get-sum {\"a\":55,\"b\":7}",
                "call: mcp_everything_get-tiny-image {}",
                "say: The report and the chart are in your files."));

    String run = team.ask(agent, "Research honey prices and report on our sales", List.of(sales));

    JsonNode finished = Platform.json(Platform.get("api/v1/runs/" + run, team.owner));
    assertThat(ToolInjectionIT.texts(finished.get("trace"), "tool.result", "tool"))
        .as(finished.toString())
        .containsExactly(
            "web.search",
            "web.read",
            "code.run",
            "documents.docx",
            "mcp.everything.get-sum",
            "mcp.everything.get-tiny-image");
    assertThat(finished.toString())
        .contains("Honey prices this winter", "7 euros", "jars sold: 55", "62");
    JsonNode files =
        Platform.json(
                Platform.get("api/v1/organizations/" + team.organization + "/files", team.owner))
            .get("items");
    assertThat(files.findValuesAsText("name"))
        .containsExactlyInAnyOrder("sales.csv", "jars.png", "Honey report.docx", "image-1.png");
    List<String> made = new ArrayList<>();
    for (JsonNode file : files) {
      if (!file.get("name").asText().equals("sales.csv")) {
        assertThat(file.get("agentId").asText()).isEqualTo(agent);
        assertThat(file.get("runId").asText()).isEqualTo(run);
        made.add(file.get("id").asText());
      }
    }
    JsonNode reply =
        StreamSupport.stream(
                Platform.json(
                        Platform.get(
                            "api/v1/conversations/"
                                + finished.get("conversationId").asText()
                                + "/messages",
                            team.owner))
                    .get("items")
                    .spliterator(),
                false)
            .filter(message -> message.get("authorKind").asText().equals("AGENT"))
            .findFirst()
            .orElseThrow();
    assertThat(reply.get("content").asText())
        .contains("The report and the chart are in your files");
    assertThat(reply.get("files").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(made);
  }

  private static void enable(Team team, String plugin, Map<String, String> config)
      throws Exception {
    HttpResponse<String> enabled =
        PluginsApi.configure(
            plugin, JSON.writeValueAsString(Map.of("enabled", true, "config", config)), team.owner);
    assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
  }

  private String base() {
    return "http://localhost:" + site.getAddress().getPort();
  }

  private String page() {
    return base() + "/prices";
  }
}
