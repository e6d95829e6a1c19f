package io.protohive.plugins.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protohive.plugin.api.HttpFetch;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * The search services a tenant can choose, each with its own request and answer: the request is
 * built from the settings, the answer's JSON read into {@link Hit}s.
 */
enum SearchProvider {

  /** A self-hosted SearXNG: {@code GET /search?q=…&format=json}, {@code results[].content}. */
  SEARXNG("searxng", "SearXNG", null, false) {
    @Override
    HttpFetch.Builder request(WebSettings.Search settings, String query, int limit) {
      return HttpFetch.get(
              URI.create(settings.baseUrl() + "/search?q=" + encode(query) + "&format=json"))
          .header("Accept", "application/json");
    }

    @Override
    List<Hit> hits(JsonNode answer) throws ToolFailure {
      return read(answer.path("results"), "content");
    }

    @Override
    String explain(int status) {
      return status == 403
          ? " SearXNG refuses JSON unless its settings list json under search.formats."
          : "";
    }
  },

  /**
   * Brave Search API: {@code GET /res/v1/web/search?q=…&count=…} with the key in {@code
   * X-Subscription-Token}, {@code web.results[].description}.
   */
  BRAVE("brave", "Brave Search", "https://api.search.brave.com", true) {
    @Override
    HttpFetch.Builder request(WebSettings.Search settings, String query, int limit) {
      return HttpFetch.get(
              URI.create(
                  settings.baseUrl() + "/res/v1/web/search?q=" + encode(query) + "&count=" + limit))
          .header("Accept", "application/json")
          .header("X-Subscription-Token", settings.apiKey().orElseThrow());
    }

    @Override
    List<Hit> hits(JsonNode answer) throws ToolFailure {
      JsonNode web = answer.path("web");
      // Brave leaves out the web section when nothing matched
      return web.isMissingNode() && answer.isObject()
          ? List.of()
          : read(web.path("results"), "description");
    }
  },

  /**
   * Tavily: {@code POST /search} with the key as a bearer token and {@code {"query":…,
   * "max_results":…}}, {@code results[].content}.
   */
  TAVILY("tavily", "Tavily", "https://api.tavily.com", true) {
    @Override
    HttpFetch.Builder request(WebSettings.Search settings, String query, int limit) {
      ObjectNode body = JSON.createObjectNode().put("query", query).put("max_results", limit);
      return HttpFetch.post(
              URI.create(settings.baseUrl() + "/search"), body.toString(), "application/json")
          .header("Accept", "application/json")
          .header("Authorization", "Bearer " + settings.apiKey().orElseThrow());
    }

    @Override
    List<Hit> hits(JsonNode answer) throws ToolFailure {
      return read(answer.path("results"), "content");
    }
  };

  static final ObjectMapper JSON = new ObjectMapper();

  private final String id;
  private final String label;
  private final String defaultBaseUrl;
  private final boolean needsKey;

  SearchProvider(String id, String label, String defaultBaseUrl, boolean needsKey) {
    this.id = id;
    this.label = label;
    this.defaultBaseUrl = defaultBaseUrl;
    this.needsKey = needsKey;
  }

  /** The provider a setting names. */
  static SearchProvider named(String setting) throws ToolFailure {
    String name = setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT);
    for (SearchProvider provider : values()) {
      if (provider.id.equals(name)) {
        return provider;
      }
    }
    throw new ToolFailure(
        "The setting provider names no known search provider; use searxng, brave or tavily.");
  }

  String label() {
    return label;
  }

  Optional<String> defaultBaseUrl() {
    return Optional.ofNullable(defaultBaseUrl);
  }

  boolean needsKey() {
    return needsKey;
  }

  /** The request for a search, without the limits the tool adds. */
  abstract HttpFetch.Builder request(WebSettings.Search settings, String query, int limit);

  /** The results in the provider's answer. */
  abstract List<Hit> hits(JsonNode answer) throws ToolFailure;

  /** More words for a failed status, when the provider has a known reason for it. */
  String explain(int status) {
    return "";
  }

  /** The results of a provider's answer body, or why it is not one. */
  List<Hit> parse(HttpFetch.Response response) throws ToolFailure {
    if (response.status() / 100 != 2) {
      throw new ToolFailure(
          label + " answered with status " + response.status() + "." + explain(response.status()));
    }
    if (response.truncated()) {
      throw new ToolFailure(label + " sent a larger answer than a search result list can be.");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(response.text());
    } catch (Exception e) {
      answer = null;
    }
    if (answer == null || !answer.isObject()) {
      throw new ToolFailure(label + " did not answer with JSON search results.");
    }
    return hits(answer);
  }

  private static List<Hit> read(JsonNode results, String snippetField) throws ToolFailure {
    if (!results.isArray()) {
      throw new ToolFailure("The search provider's answer has no list of results.");
    }
    List<Hit> hits = new ArrayList<>();
    for (JsonNode result : results) {
      String url = result.path("url").asText("");
      if (url.isBlank()) {
        continue;
      }
      hits.add(
          new Hit(
              plain(result.path("title").asText("")),
              url,
              plain(result.path(snippetField).asText(""))));
    }
    return hits;
  }

  /** Text without the markup some providers put around matched words. */
  private static String plain(String html) {
    return html.indexOf('<') < 0 && html.indexOf('&') < 0
        ? html.strip()
        : Jsoup.parseBodyFragment(html).text();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** One search result. */
  record Hit(String title, String url, String snippet) {}
}
