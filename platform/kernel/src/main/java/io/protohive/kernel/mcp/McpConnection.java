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
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchanges with MCP servers. Over streamable HTTP a session is opened, used once and closed, so a
 * server that restarts or drops connections between calls costs nothing but the handshake; a server
 * that runs as a command keeps its session ({@link StdioServerProcess}) and is asked the same way.
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
  static final class Failure extends RuntimeException {
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

  static List<ListedTool> listTools(String url, String token, Duration timeout) {
    return exchange(url, token, timeout, tools -> {}, McpConnection::listTools);
  }

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

  /**
   * The tool's answer, its text and the files it carried.
   *
   * @param toolsChanged given the server's tools when it says, during the exchange, they changed
   */
  static McpAnswer call(
      String url,
      String token,
      Duration timeout,
      String tool,
      Map<String, Object> arguments,
      Consumer<List<ListedTool>> toolsChanged) {
    return exchange(url, token, timeout, toolsChanged, client -> call(client, tool, arguments));
  }

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

  private static <T> T exchange(
      String url,
      String token,
      Duration timeout,
      Consumer<List<ListedTool>> toolsChanged,
      Function<McpSyncClient, T> work) {
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
    McpSyncClient client = client(transport.build(), timeout, toolsChanged);
    try {
      client.initialize();
      return work.apply(client);
    } catch (RuntimeException e) {
      String reason = reason(e);
      throw new Failure(
          reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason,
          unauthorized(e));
    } finally {
      client.close();
    }
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
