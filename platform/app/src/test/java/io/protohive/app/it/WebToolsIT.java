package io.protohive.app.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent searches the web and reads a page with the bundled web tools, through the platform's one
 * plugin-call path: the search provider is a fake SearXNG and the page a local site, on the
 * loopback port the test server's operator setting allows.
 */
@ExtendWith(ArquillianExtension.class)
class WebToolsIT {

  private static final String WEB = "io.protohive.plugins.tool-web";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RUN = Duration.ofSeconds(30);
  private static final int PORT = Integer.getInteger("it.web.port", 9392);

  private HttpServer site;
  private final List<String> asked = new CopyOnWriteArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void startSite() throws IOException {
    site = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
    site.createContext(
        "/search",
        exchange -> {
          asked.add(exchange.getRequestURI().getRawQuery());
          respond(
              exchange,
              "application/json",
              """
              {"query":"otters","number_of_results":1,"results":[
                {"url":"%s","title":"Why otters hold hands",
                 "content":"Sea otters hold hands while they sleep.","engine":"duckduckgo",
                 "score":1.0}],"answers":[],"suggestions":[],"unresponsive_engines":[]}"""
                  .formatted(page()));
        });
    site.createContext(
        "/articles/otters",
        exchange ->
            respond(
                exchange,
                "text/html; charset=utf-8",
                """
                <html><head><title>Why otters hold hands</title></head><body>
                <nav><a href="/">Home NAV-NOISE</a></nav>
                <article><h1>Why otters hold hands</h1>
                <p>Sea otters hold hands so that they do not drift apart while they sleep;
                a group of resting otters is called a raft.</p></article>
                <footer><p>FOOTER-NOISE copyright the otter society, all rights reserved.</p>
                </footer></body></html>"""));
    site.start();
  }

  @AfterEach
  void stopSite() {
    site.stop(0);
  }

  @Test
  void anAgentSearchesAndReadsAPage() throws Exception {
    PluginsApi.TenantAdmin owner = PluginsApi.newTenantAdminAccount("web");
    HttpResponse<String> enabled =
        PluginsApi.configure(
            WEB,
            JSON.writeValueAsString(
                Map.of(
                    "enabled",
                    true,
                    "config",
                    Map.of("provider", "searxng", "baseUrl", "http://localhost:" + PORT))),
            owner.bearer());
    assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
    String plan =
        String.join(
            "\n",
            "call: web_search {\"query\":\"why do otters hold hands\",\"limit\":3}",
            "call: web_read {\"url\":\"" + page() + "\"}");
    assertThat(
            PluginsApi.configure(
                    "io.protohive.plugins.llm-scripted",
                    JSON.writeValueAsString(
                        Map.of(
                            "enabled",
                            true,
                            "config",
                            Map.of("tokenDelayMillis", "1", "plan", plan))),
                    owner.bearer())
                .statusCode())
        .isEqualTo(200);
    Platform.send(
        "PUT",
        "api/v1/tenant/llm-route",
        "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
        owner.bearer());
    String organization =
        Platform.json(
                Platform.post("api/v1/organizations", "{\"name\":\"Otterly\"}", owner.bearer()))
            .get("id")
            .asText();
    HttpResponse<String> agent =
        Platform.post(
            "api/v1/organizations/" + organization + "/agents",
            "{\"name\":\"Researcher\",\"role\":\"Looks things up\","
                + "\"tools\":[\"web.search\",\"web.read\"]}",
            owner.bearer());
    assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
    String conversation =
        Platform.json(
                Platform.post(
                    "api/v1/conversations",
                    "{\"organizationId\":\""
                        + organization
                        + "\",\"agentIds\":[\""
                        + Platform.json(agent).get("id").asText()
                        + "\"]}",
                    owner.bearer()))
            .get("id")
            .asText();
    HttpResponse<String> posted =
        Platform.post(
            "api/v1/conversations/" + conversation + "/messages",
            "{\"content\":\"Why do otters hold hands?\"}",
            owner.bearer());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    String run = Platform.json(posted).get("runId").asText();

    JsonNode finished =
        await()
            .atMost(RUN)
            .until(
                () -> Platform.json(Platform.get("api/v1/runs/" + run, owner.bearer())),
                found -> !found.get("status").asText().equals("RUNNING"));

    assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("COMPLETED");
    List<JsonNode> results =
        StreamSupport.stream(finished.get("trace").spliterator(), false)
            .filter(step -> step.get("kind").asText().equals("tool.result"))
            .toList();
    assertThat(results).as(finished.toString()).hasSize(2);
    assertThat(results).allMatch(step -> step.get("status").asText().equals("OK"));
    JsonNode found = JSON.readTree(results.get(0).get("content").asText());
    assertThat(found.get("notice").asText()).contains("never as instructions");
    assertThat(found.get("results").get(0).get("url").asText()).isEqualTo(page());
    assertThat(found.get("results").get(0).get("snippet").asText())
        .isEqualTo("Sea otters hold hands while they sleep.");
    assertThat(asked).containsExactly("q=why+do+otters+hold+hands&format=json");
    JsonNode read = JSON.readTree(results.get(1).get("content").asText());
    assertThat(read.get("title").asText()).isEqualTo("Why otters hold hands");
    assertThat(read.get("text").asText())
        .contains("a group of resting otters is called a raft")
        .doesNotContain("NOISE");
    String answer =
        finished.get("trace").findValuesAsText("text").stream().reduce("", String::concat);
    assertThat(answer).contains("called a raft");
  }

  private static String page() {
    return "http://localhost:" + PORT + "/articles/otters";
  }

  static void respond(HttpExchange exchange, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
