package io.protohive.plugins.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Reads a web page as text: its title and main content, with links kept. */
@Component(service = Tool.class)
public final class WebReadTool extends WebTool {

  public static final String ID = "web.read";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Read web page";
  }

  @Override
  public String description() {
    return "Reads the web page at 'url' and returns its title and main text, without navigation,"
        + " ads or scripts; links are kept as 'text (url)'. Long pages are cut off and marked"
        + " truncated.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","properties":{\
        "url":{"type":"string","description":"Absolute http or https URL of the page"}},\
        "required":["url"]}""";
  }

  @Override
  ObjectNode run(Map<String, Object> arguments, WebSettings settings, ToolContext context)
      throws ToolFailure, IOException, InterruptedException {
    URI url = url(required(arguments, "url"));
    HttpFetch.Response response =
        context
            .http()
            .fetch(
                HttpFetch.get(url)
                    .header("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9")
                    .maxBytes(settings.maxPageBytes())
                    .timeout(settings.timeout())
                    .build(),
                context);
    if (response.status() / 100 != 2) {
      throw new ToolFailure("The page answered with status " + response.status() + ".");
    }
    ReadablePage page = ReadablePage.of(response, settings.maxTextChars());
    return SearchProvider.JSON
        .createObjectNode()
        .put("url", response.uri().toString())
        .put("title", page.title())
        .put("text", page.text())
        .put("truncated", page.truncated());
  }

  private static URI url(String text) throws ToolFailure {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new ToolFailure("The argument 'url' is not a valid URL.");
    }
  }
}
