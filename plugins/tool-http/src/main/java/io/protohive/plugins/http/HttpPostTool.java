package io.protohive.plugins.http;

import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.Tool;
import java.net.URI;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Posts a body to a URL on one of the tenant's allowed hosts. Unlike a GET, a POST may change
 * something on the other side, which is why the bundle declares it a consequential tool.
 */
@Component(service = Tool.class)
public final class HttpPostTool extends HttpRequestTool {

  public static final String ID = "http.post";

  static final String DEFAULT_CONTENT_TYPE = "application/json";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "HTTP POST";
  }

  @Override
  public String description() {
    return "Sends an HTTP POST request with 'body' (of media type 'contentType', JSON unless"
        + " given) and optional 'headers' to 'url', and returns the status, main headers and body"
        + " of the response as JSON. Only hosts the tenant allowed can be called.";
  }

  @Override
  public String parametersSchema() {
    return schema(
        """
        ,"body":{"type":"string","description":"The request body"},\
        "contentType":{"type":"string","default":"application/json",\
        "description":"Media type of the body"}""");
  }

  @Override
  HttpFetch.Builder request(URI url, Map<String, Object> arguments) throws ToolFailure {
    return HttpFetch.post(
        url, string(arguments, "body", ""), string(arguments, "contentType", DEFAULT_CONTENT_TYPE));
  }
}
