package io.protohive.plugins.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Searches the web with the tenant's search provider. */
@Component(service = Tool.class)
public final class WebSearchTool extends WebTool {

  public static final String ID = "web.search";

  /** A search answer is a list of short results; anything this large is not one. */
  private static final int MAX_ANSWER_BYTES = 1_048_576;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Web search";
  }

  @Override
  public String description() {
    return "Searches the web for 'query' and returns up to 'limit' results, each with title, url"
        + " and snippet. Read a result's page with web.read.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","properties":{\
        "query":{"type":"string","description":"What to search for"},\
        "limit":{"type":"integer","minimum":1,"maximum":20,\
        "description":"How many results at most; the tenant's setting when left out"}},\
        "required":["query"]}""";
  }

  @Override
  ObjectNode run(Map<String, Object> arguments, WebSettings settings, ToolContext context)
      throws ToolFailure, IOException, InterruptedException {
    String query = required(arguments, "query");
    int limit = limit(arguments, settings.maxResults());
    WebSettings.Search where = settings.search();
    SearchProvider provider = where.provider();
    HttpFetch request =
        provider
            .request(where, query, limit)
            .maxBytes(MAX_ANSWER_BYTES)
            .timeout(settings.timeout())
            .maxRedirects(0)
            .build();
    List<SearchProvider.Hit> hits = provider.parse(context.http().fetch(request, context));
    ObjectNode answer =
        SearchProvider.JSON
            .createObjectNode()
            .put("provider", provider.label())
            .put("query", query);
    ArrayNode results = answer.putArray("results");
    for (SearchProvider.Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
      results
          .addObject()
          .put("title", hit.title())
          .put("url", hit.url())
          .put("snippet", hit.snippet());
    }
    return answer;
  }

  private static int limit(Map<String, Object> arguments, int setting) throws ToolFailure {
    Object value = arguments.get("limit");
    if (value == null) {
      return setting;
    }
    if (!(value instanceof Number number) || number.intValue() < 1) {
      throw new ToolFailure("The argument 'limit' must be a whole number from 1 to 20.");
    }
    return Math.min(number.intValue(), WebSettings.MOST_RESULTS);
  }
}
