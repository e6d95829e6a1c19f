package io.protohive.plugins.http;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.HttpFetch;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code http.get} and {@code http.post} have in common: the configuration, the {@code url}
 * and {@code headers} arguments, and sending through the host's guarded {@link
 * io.protohive.plugin.api.HostHttp#fetch}, bounded by the tenant's allow-list. A subclass only says
 * which request its arguments make.
 */
abstract class HttpRequestTool implements Tool {

  /**
   * The JSON Schema of the arguments: {@code url}, {@code headers} and the given further
   * properties, each written as {@code "name":{...}} and preceded by a comma.
   */
  static String schema(String moreProperties) {
    return """
        {"type":"object","properties":{\
        "url":{"type":"string","description":"Absolute http or https URL on an allowed host"},\
        "headers":{"type":"object","additionalProperties":{"type":"string"},\
        "description":"Request headers, such as Accept or Authorization"}\
        """
        + moreProperties
        + "},\"required\":[\"url\"]}";
  }

  @Override
  public List<ConfigurationProperty> configuration() {
    return Settings.PROPERTIES;
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context)
      throws InterruptedException {
    try {
      Settings settings = Settings.from(context.configuration());
      HttpFetch request =
          request(url(arguments), arguments)
              .headers(headers(arguments))
              .allowedHosts(settings.allowedHosts())
              .maxBytes(settings.maxResponseBytes())
              .timeout(settings.timeout())
              .build();
      return ToolResult.json(Fetched.toJson(context.http().fetch(request, context)));
    } catch (ToolFailure | IOException e) {
      // the message names hosts only, never URLs, headers or bodies, so it is safe to log
      context.logger().log(Level.INFO, "{0} not done: {1}", id(), e.getMessage());
      return ToolResult.error(e.getMessage());
    }
  }

  /** The request the arguments ask for, given the already parsed URL. */
  abstract HttpFetch.Builder request(URI url, Map<String, Object> arguments) throws ToolFailure;

  /** An optional string argument, or the default when it is missing. */
  static String string(Map<String, Object> arguments, String name, String defaultValue)
      throws ToolFailure {
    Object value = arguments.get(name);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof String text)) {
      throw new ToolFailure("The argument '" + name + "' must be a string.");
    }
    return text;
  }

  private static URI url(Map<String, Object> arguments) throws ToolFailure {
    String url = string(arguments, "url", null);
    if (url == null || url.isBlank()) {
      throw new ToolFailure("The argument 'url' is required.");
    }
    try {
      return new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new ToolFailure("The argument 'url' is not a valid URL.");
    }
  }

  private static Map<String, String> headers(Map<String, Object> arguments) throws ToolFailure {
    Object value = arguments.get("headers");
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> given)) {
      throw new ToolFailure("The argument 'headers' must be an object of strings.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<?, ?> header : given.entrySet()) {
      if (!(header.getValue() instanceof String text)) {
        throw new ToolFailure("The header '" + header.getKey() + "' must have a string value.");
      }
      headers.put(String.valueOf(header.getKey()), text);
    }
    return headers;
  }
}
