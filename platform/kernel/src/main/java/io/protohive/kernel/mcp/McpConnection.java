package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchanges with MCP servers over a session ({@link McpSession}), whether the server is reached
 * over streamable HTTP or runs as a command: the same requests, the same limits, the same reasons.
 */
final class McpConnection {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final McpSchema.Implementation CLIENT =
      new McpSchema.Implementation("protohive", "1.0");

  /** The most of one answer read: a server that sends more has gone wrong, it is no result. */
  private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** The longest reason given: a transport's message may quote all of a server's junk answer. */
  private static final int MAX_REASON_CHARS = 300;

  /** A tool as the server lists it. */
  record ListedTool(String name, String description, Map<String, Object> inputSchema) {}

  /** Why an exchange with a server failed, in words a person or a model reads. */
  static class Failure extends RuntimeException {
    private final boolean unauthorized;

    Failure(String message) {
      this(message, false);
    }

    Failure(String message, boolean unauthorized) {
      super(message);
      this.unauthorized = unauthorized;
    }

    /** Whether the server refused the bearer token: a fresh one may be let in. */
    boolean unauthorized() {
      return unauthorized;
    }
  }

  private McpConnection() {}

  /** Every page of the server's tools, up to a thousand. */
  static List<ListedTool> listTools(McpSyncClient client) {
    List<ListedTool> tools = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListToolsResult page = client.listTools(cursor);
      tools.addAll(listed(page.tools()));
      cursor = page.nextCursor();
    } while (cursor != null && tools.size() < 1000);
    return tools;
  }

  /** The tool's answer, its text and the files it carried. */
  static McpAnswer call(McpSyncClient client, String tool, Map<String, Object> arguments) {
    return McpAnswer.of(client.callTool(new McpSchema.CallToolRequest(tool, arguments)));
  }

  /**
   * A client of the server at the other end of the transport, not yet initialized, that hands the
   * server's tools to {@code toolsChanged} whenever the server says they changed.
   */
  static McpSyncClient client(
      McpClientTransport transport, Duration timeout, Consumer<List<ListedTool>> toolsChanged) {
    return McpClient.sync(transport)
        .clientInfo(CLIENT)
        .requestTimeout(timeout)
        .initializationTimeout(timeout)
        .jsonSchemaValidator(new DefaultJsonSchemaValidator(JSON))
        .toolsChangeConsumer(tools -> toolsChanged.accept(listed(tools)))
        .build();
  }

  static JacksonMcpJsonMapper jsonMapper() {
    return new JacksonMcpJsonMapper(JSON);
  }

  private static List<ListedTool> listed(List<McpSchema.Tool> tools) {
    return tools.stream()
        .map(
            tool ->
                new ListedTool(
                    tool.name(),
                    tool.description() == null ? "" : tool.description(),
                    tool.inputSchema() == null ? Map.of() : tool.inputSchema()))
        .toList();
  }

  /**
   * A transport to the server at the URL over streamable HTTP that sends the token, if any, with
   * every request of the session and reads no answer larger than the cap.
   */
  static McpClientTransport http(String url, String token, Duration timeout) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String endpoint = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    HttpClientStreamableHttpTransport.Builder transport =
        HttpClientStreamableHttpTransport.builder(uri.getScheme() + "://" + uri.getRawAuthority())
            .endpoint(endpoint)
            .jsonMapper(jsonMapper())
            .connectTimeout(timeout)
            .maxResponseSize(MAX_RESPONSE_BYTES)
            .clientBuilder(
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(timeout));
    if (token != null) {
      transport.httpRequestCustomizer(
          (request, method, target, body, context) ->
              request.setHeader("Authorization", "Bearer " + token));
    }
    return transport.build();
  }

  /** Why an exchange failed, shortened: a transport's message may quote all of a junk answer. */
  static Failure failure(Throwable cause) {
    String reason = reason(cause);
    return new Failure(
        reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason,
        unauthorized(cause));
  }

  private static boolean unauthorized(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof McpHttpClientTransportAuthorizationException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /** Why an exchange failed, in words a person or a model reads. */
  static String reason(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException
          || String.valueOf(cause.getMessage()).contains("Did not observe any item")) {
        return "the server did not answer in time";
      }
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.nio.channels.ClosedChannelException) {
        return "the server could not be reached";
      }
      if (cause instanceof java.io.IOException) {
        return "the connection failed: " + cause.getMessage();
      }
      if (cause instanceof tools.jackson.core.JacksonException) {
        // its message names the platform's classes, which are no one's business
        return "the server's answer does not follow the protocol";
      }
      deepest = cause;
      if (cause.getCause() == cause) {
        break;
      }
    }
    return deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
  }
}
