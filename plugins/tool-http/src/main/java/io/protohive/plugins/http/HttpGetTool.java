package io.protohive.plugins.http;

import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.Tool;
import java.net.URI;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Fetches a URL on one of the tenant's allowed hosts. */
@Component(service = Tool.class)
public final class HttpGetTool extends HttpRequestTool {

  public static final String ID = "http.get";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "HTTP GET";
  }

  @Override
  public String description() {
    return "Sends an HTTP GET request to 'url' with optional 'headers' and returns the status,"
        + " main headers and body as JSON. Only hosts the tenant allowed can be called; long"
        + " bodies are cut off and marked truncated.";
  }

  @Override
  public String parametersSchema() {
    return schema("");
  }

  @Override
  HttpFetch.Builder request(URI url, Map<String, Object> arguments) {
    return HttpFetch.get(url);
  }
}
