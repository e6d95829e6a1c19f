package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where an MCP server is reached: what a kept session must still reach to serve it, and how a new
 * session's transport is made, which is the only thing the transports differ in.
 *
 * @param reaches the server's command or its URL
 * @param transport makes a transport whose requests are bounded by the given timeout
 */
record McpEndpoint(Object reaches, Function<Duration, McpClientTransport> transport) {

  /**
   * A server run as a command in the sandbox, one process per session.
   *
   * @throws McpConnection.Failure on opening, when no sandbox can be made on this node
   */
  static McpEndpoint command(StdioCommand command) {
    return new McpEndpoint(
        command,
        timeout -> {
          Optional<String> unavailable = command.sandbox().unavailable();
          if (unavailable.isPresent()) {
            throw new McpConnection.Failure(
                "no sandbox can be made on this server ("
                    + unavailable.get()
                    + "), and commands only ever run in one");
          }
          List<String> line = command.sandboxed();
          return new StdioClientTransport(
              ServerParameters.builder(line.get(0)).args(line.subList(1, line.size())).build(),
              McpConnection.jsonMapper());
        });
  }

  /**
   * A server over streamable HTTP. Its address is checked and its token read anew for every
   * session, so a session never outlives a change of either.
   *
   * @param allowed throws {@link McpConnection.Failure} when the address may not be reached
   * @param token the token to send, or null
   */
  static McpEndpoint http(String url, Runnable allowed, Supplier<String> token) {
    return new McpEndpoint(
        url,
        timeout -> {
          allowed.run();
          return McpConnection.http(url, token.get(), timeout);
        });
  }
}
