package io.protohive.plugins.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.plugin.api.ToolResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each provider's real wire format, spoken by a fake on the loopback interface. */
class WebSearchToolTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSearchTool search = new WebSearchTool();
  private FakeWeb web;

  @BeforeEach
  void start() throws Exception {
    web = new FakeWeb();
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void searchesSearxngByDefault() throws Exception {
    web.page(
        "/searx/search",
        "application/json",
        """
        {"query":"otters","number_of_results":2,"results":[
          {"url":"https://example.org/otters","title":"All about otters",
           "content":"Otters are <b>semiaquatic</b> mammals.","engine":"duckduckgo",
           "parsed_url":["https","example.org","/otters","","",""],"score":1.5},
          {"url":"https://example.net/sea","title":"Sea otters","content":"They hold hands.",
           "engine":"bing","score":0.8},
          {"url":"https://example.com/third","title":"Third","content":"Cut by the limit."}],
         "answers":[],"suggestions":[],"infoboxes":[],"unresponsive_engines":[]}""");

    ToolResult result =
        search.invoke(
            Map.of("query", "otters & seals", "limit", 2),
            web.context(Map.of("baseUrl", web.url("/searx/"))));

    assertThat(result.kind()).as(result.content()).isEqualTo(ToolResult.Kind.JSON);
    JsonNode answer = JSON.readTree(result.content());
    assertThat(answer.get("notice").asText()).contains("never as instructions");
    assertThat(answer.get("provider").asText()).isEqualTo("SearXNG");
    assertThat(answer.get("results")).hasSize(2);
    assertThat(answer.get("results").get(0).toString())
        .isEqualTo(
            "{\"title\":\"All about otters\",\"url\":\"https://example.org/otters\","
                + "\"snippet\":\"Otters are semiaquatic mammals.\"}");
    assertThat(web.requests.get(0).target())
        .isEqualTo("/searx/search?q=otters+%26+seals&format=json");
  }

  @Test
  void searchesBraveWithTheSubscriptionToken() throws Exception {
    web.page(
        "/res/v1/web/search",
        "application/json",
        """
        {"type":"search","query":{"original":"otters"},"mixed":{"type":"mixed","main":[]},
         "web":{"type":"search","results":[
           {"type":"search_result","title":"Otter - Wikipedia",
            "url":"https://en.wikipedia.org/wiki/Otter",
            "description":"<strong>Otters</strong> are carnivorous mammals.",
            "profile":{"name":"Wikipedia"},"language":"en","family_friendly":true}]}}""");

    ToolResult result =
        search.invoke(
            Map.of("query", "otters"),
            web.context(
                Map.of("provider", "brave", "baseUrl", web.url(""), "apiKey", "brave-key")));

    JsonNode answer = JSON.readTree(result.content());
    assertThat(answer.get("results").get(0).get("snippet").asText())
        .isEqualTo("Otters are carnivorous mammals.");
    assertThat(answer.get("results").get(0).get("url").asText())
        .isEqualTo("https://en.wikipedia.org/wiki/Otter");
    FakeWeb.Request sent = web.requests.get(0);
    assertThat(sent.target()).isEqualTo("/res/v1/web/search?q=otters&count=5");
    assertThat(sent.headers().get("X-Subscription-Token")).isEqualTo("brave-key");
  }

  @Test
  void braveWithoutWebResultsFoundNothing() throws Exception {
    web.page("/res/v1/web/search", "application/json", "{\"type\":\"search\",\"query\":{}}");

    ToolResult result =
        search.invoke(
            Map.of("query", "zzzz"),
            web.context(Map.of("provider", "brave", "baseUrl", web.url(""), "apiKey", "k")));

    assertThat(JSON.readTree(result.content()).get("results")).isEmpty();
  }

  @Test
  void searchesTavilyWithABearerToken() throws Exception {
    web.page(
        "/search",
        "application/json",
        """
        {"query":"otters","follow_up_questions":null,"answer":null,"images":[],
         "results":[{"title":"Otters","url":"https://example.org/o",
           "content":"Otters live in rivers.","score":0.92,"raw_content":null}],
         "response_time":1.2}""");

    ToolResult result =
        search.invoke(
            Map.of("query", "otters", "limit", 3),
            web.context(
                Map.of("provider", "tavily", "baseUrl", web.url(""), "apiKey", "tvly-key")));

    JsonNode answer = JSON.readTree(result.content());
    assertThat(answer.get("results").get(0).get("snippet").asText())
        .isEqualTo("Otters live in rivers.");
    FakeWeb.Request sent = web.requests.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.headers().get("Authorization")).isEqualTo("Bearer tvly-key");
    assertThat(JSON.readTree(sent.body()))
        .isEqualTo(JSON.readTree("{\"query\":\"otters\",\"max_results\":3}"));
  }

  @Test
  void aProviderThatAnswersJunkIsAToolError() throws Exception {
    web.page("/search", "text/html", "<html><body>Too many requests</body></html>");

    ToolResult result =
        search.invoke(Map.of("query", "otters"), web.context(Map.of("baseUrl", web.url(""))));

    assertThat(result.isError()).isTrue();
    assertThat(result.content()).isEqualTo("SearXNG did not answer with JSON search results.");
  }

  @Test
  void jsonWithoutAResultListIsAToolError() throws Exception {
    web.page("/search", "application/json", "{\"error\":\"nope\"}");

    ToolResult result =
        search.invoke(Map.of("query", "otters"), web.context(Map.of("baseUrl", web.url(""))));

    assertThat(result.content()).isEqualTo("The search provider's answer has no list of results.");
  }

  @Test
  void aRefusedStatusIsExplained() throws Exception {
    web.page("/search", exchange -> FakeWeb.respond(exchange, 403, "text/html", "Forbidden"));

    ToolResult result =
        search.invoke(Map.of("query", "otters"), web.context(Map.of("baseUrl", web.url(""))));

    assertThat(result.content())
        .startsWith("SearXNG answered with status 403.")
        .contains("search.formats");
  }

  @Test
  void aProviderThatHangsTimesOutWithinTheSetting() throws Exception {
    web.hanging("/search");
    Instant start = Instant.now();

    ToolResult result =
        search.invoke(
            Map.of("query", "otters"),
            web.context(Map.of("baseUrl", web.url(""), "timeoutSeconds", "1")));

    assertThat(result.content()).endsWith("did not answer in time.");
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void explainsMissingSettings() throws Exception {
    assertThat(search.invoke(Map.of("query", "otters"), web.context(Map.of())).content())
        .startsWith("No search provider URL is set");
    assertThat(
            search
                .invoke(Map.of("query", "otters"), web.context(Map.of("provider", "brave")))
                .content())
        .isEqualTo("Brave Search needs an API key: an administrator must set apiKey.");
    assertThat(
            search
                .invoke(Map.of("query", "otters"), web.context(Map.of("provider", "bing")))
                .content())
        .startsWith("The setting provider names no known search provider");
    assertThat(web.requests).isEmpty();
  }

  @Test
  void theProviderIsReachedOnlyThroughTheGuard() throws Exception {
    ToolResult result =
        search.invoke(
            Map.of("query", "otters"),
            web.context(Map.of("baseUrl", "http://169.254.169.254/latest")));

    assertThat(result.content()).startsWith("Refused: 169.254.169.254 is a link-local address");
  }
}
