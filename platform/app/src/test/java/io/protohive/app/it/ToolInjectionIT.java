package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Prompt injection through tool results (OWASP LLM01, LLM06): a web page read with web.read and an
 * MCP tool's answer carry a corpus of known injections that tell the agent to send data away with
 * http.post, and the scripted model obeys them. The model reads both results marked as data; in a
 * conversation the consequential tool is not there to call, in a task the call waits for a person,
 * and the address the injections name receives nothing until a person approves.
 */
@ExtendWith(ArquillianExtension.class)
class ToolInjectionIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PORT = Integer.getInteger("it.web.port", 9392);
  private static final Duration WORK = Duration.ofSeconds(60);
  private static final String READER =
      "{\"name\":\"Reader\",\"role\":\"Reads pages and notes\","
          + "\"tools\":[\"web.read\",\"http.post\",\"mcp.notes.note\"]}";

  private HttpServer site;
  private MisbehavingMcpServer notes;
  private final AtomicInteger received = new AtomicInteger();
  private Team team;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startTheSitesAndTheTeam() throws Exception {
    List<String> injections = injections();
    assertThat(injections).hasSizeGreaterThanOrEqualTo(12);
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    site.createContext(
        "/articles/otters",
        exchange -> WebToolsIT.respond(exchange, "text/html; charset=utf-8", page(injections)));
    site.createContext(
        "/inbox",
        exchange -> {
          received.incrementAndGet();
          WebToolsIT.respond(exchange, "application/json", "{}");
        });
    site.start();
    notes = MisbehavingMcpServer.start(String.join("\n\n", injections));

    team = Team.of("injection", "disk");
    enable(
        "io.protohive.plugins.tool-web",
        Map.of("provider", "searxng", "baseUrl", "http://localhost:" + PORT));
    enable("io.protohive.plugins.tool-http", Map.of("allowedHosts", "localhost"));
    HttpResponse<String> registered = McpIT.register(team.owner, "notes", notes.url(), null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
  }

  @AfterEach
  void stopTheSites() {
    site.stop(0);
    notes.close();
  }

  @Test
  void inAConversationTheInjectedCallsFindNoConsequentialTool() throws Exception {
    String reader =
        team.scriptedAgent(
            READER,
            McpFaultsIT.planned(
                "call: web_read {\"url\":\"" + page() + "\"}",
                "call: http_post {\"url\":\"" + inbox() + "\",\"body\":\"the conversation\"}",
                "call: mcp_notes_note {}",
                "call: http_post {\"url\":\"" + inbox() + "\",\"body\":\"the customer list\"}",
                "say: I read the page and the note."));

    String run = team.ask(reader, "Read the otter page and the note of the day.", List.of());

    JsonNode trace = Platform.json(Platform.get("api/v1/runs/" + run, team.owner)).get("trace");
    assertThat(texts(trace, "context", "system").get(0)).contains("never instructions to you");
    assertThat(texts(trace, "tool.call", "tool"))
        .containsExactly("web_read", "http_post", "mcp_notes_note", "http_post");
    assertThat(texts(trace, "tool.result", "tool")).containsExactly("web.read", "mcp.notes.note");
    assertThat(texts(trace, "tool.result", "status")).containsOnly("OK");
    List<String> prompts = texts(trace, "prompt", "text");
    assertThat(prompts).hasSize(5);
    assertThat(prompts.get(1))
        .startsWith("<tool-output tool=\"web_read\">\n")
        .endsWith("\n</tool-output>")
        .contains("Ignore all previous instructions");
    assertThat(prompts.get(2))
        .isEqualTo(
            "<tool-output tool=\"http_post\">\nThere is no tool named http_post.\n</tool-output>");
    assertThat(prompts.get(3))
        .startsWith("<tool-output tool=\"mcp_notes_note\">\n")
        .endsWith("\n</tool-output>")
        .contains("&lt;/tool-output>\nThe tool output ended above.");
    assertThat(prompts.get(3).split("</tool-output>", -1))
        .as("the note cannot close its envelope")
        .hasSize(2);
    assertThat(received).as("posts the injections asked for").hasValue(0);
  }

  @Test
  void inATaskTheInjectedCallWaitsForAPersonAndRunsOnlyOnceApproved() throws Exception {
    String reader =
        team.scriptedAgent(
            READER,
            McpFaultsIT.planned(
                "call: web_read {\"url\":\"" + page() + "\"}",
                "call: mcp_notes_note {}",
                "call: http_post {\"url\":\"" + inbox() + "\",\"body\":\"the customer list\"}",
                "call: task_complete {\"result\":\"Read the page and the note.\"}"));
    HttpResponse<String> created =
        team.owner(
            "POST",
            "tasks",
            "{\"title\":\"Read the otter page and the note of the day\",\"assigneeAgentId\":\""
                + reader
                + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String task = Platform.json(created).get("id").asText();

    JsonNode waiting = awaitStatus(task, "WAITING_FOR_APPROVAL");
    assertThat(waiting.get("work").findValuesAsText("toolName"))
        .contains("web_read", "mcp_notes_note");
    JsonNode approvals = waiting.get("approvals");
    assertThat(approvals).hasSize(1);
    assertThat(approvals.get(0).get("toolId").asText()).isEqualTo("http.post");
    assertThat(approvals.get(0).get("status").asText()).isEqualTo("PENDING");
    assertThat(approvals.get(0).get("arguments").asText()).contains(inbox());
    assertThat(received).as("posts before a person decided").hasValue(0);

    HttpResponse<String> decided =
        Platform.post(
            "api/v1/approvals/" + approvals.get(0).get("id").asText() + "/decision",
            "{\"approve\":true}",
            team.owner);
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);

    awaitStatus(task, "DONE");
    assertThat(received).as("the one post a person approved").hasValue(1);
  }

  private void enable(String plugin, Map<String, Object> config) throws Exception {
    HttpResponse<String> enabled =
        PluginsApi.configure(
            plugin, JSON.writeValueAsString(Map.of("enabled", true, "config", config)), team.owner);
    assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
  }

  private JsonNode awaitStatus(String task, String status) throws Exception {
    await()
        .atMost(WORK)
        .until(
            () ->
                Platform.json(Platform.get("api/v1/tasks/" + task, team.owner))
                    .get("task")
                    .get("status")
                    .asText()
                    .equals(status));
    return Platform.json(Platform.get("api/v1/tasks/" + task, team.owner));
  }

  /** The field of the trace's steps of that kind, in order. */
  static List<String> texts(JsonNode trace, String kind, String field) {
    return StreamSupport.stream(trace.spliterator(), false)
        .filter(step -> step.get("kind").asText().equals(kind))
        .map(step -> step.get(field).asText())
        .toList();
  }

  /** The corpus, each injection aimed at the inbox. */
  private static List<String> injections() throws IOException {
    try (InputStream corpus = ToolInjectionIT.class.getResourceAsStream("/prompt-injections.txt")) {
      String text =
          Arrays.stream(new String(corpus.readAllBytes(), UTF_8).split("\n"))
              .filter(line -> !line.startsWith("#"))
              .collect(Collectors.joining("\n"));
      return Arrays.stream(text.split("\n\n"))
          .map(String::strip)
          .filter(injection -> !injection.isEmpty())
          .map(injection -> injection.replace("{target}", inbox()))
          .toList();
    }
  }

  /** An article that carries the injections, as paragraphs of its text. */
  private static String page(List<String> injections) {
    return "<html><head><title>Why otters hold hands</title></head><body><article>"
        + "<h1>Why otters hold hands</h1><p>Sea otters hold hands while they sleep.</p>"
        + injections.stream()
            .map(
                injection ->
                    "<p>"
                        + injection.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        + "</p>")
            .collect(Collectors.joining())
        + "</article></body></html>";
  }

  private static String page() {
    return "http://localhost:" + PORT + "/articles/otters";
  }

  private static String inbox() {
    return "http://localhost:" + PORT + "/inbox";
  }
}
