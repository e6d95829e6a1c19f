package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An MCP server that runs as a command in the sandbox, with its session open over the process's
 * standard input and output for as long as the process lives. Requests are bounded by the timeout,
 * the process is not: it serves one call after another.
 */
final class StdioServerProcess implements AutoCloseable {

  private final StdioCommand command;
  private final McpSyncClient client;
  private volatile boolean ended;

  private StdioServerProcess(StdioCommand command, McpSyncClient client) {
    this.command = command;
    this.client = client;
  }

  /**
   * Starts the server and opens its session.
   *
   * @param toolsChanged given the server's tools whenever it says they changed
   * @throws McpConnection.Failure when no sandbox can be made or the server does not start
   */
  static StdioServerProcess start(
      StdioCommand command,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged) {
    Optional<String> unavailable = command.sandbox().unavailable();
    if (unavailable.isPresent()) {
      throw new McpConnection.Failure(
          "no sandbox can be made on this server ("
              + unavailable.get()
              + "), and commands only ever run in one");
    }
    List<String> line = command.sandboxed();
    StdioClientTransport transport =
        new StdioClientTransport(
            ServerParameters.builder(line.get(0)).args(line.subList(1, line.size())).build(),
            McpConnection.jsonMapper());
    StdioServerProcess server =
        new StdioServerProcess(command, McpConnection.client(transport, timeout, toolsChanged));
    try {
      server.client.initialize();
    } catch (RuntimeException e) {
      server.close();
      throw new McpConnection.Failure(McpConnection.reason(e));
    }
    Thread watch =
        new Thread(
            () -> {
              transport.awaitForExit();
              server.ended = true;
            },
            "mcp-stdio-exit");
    watch.setDaemon(true);
    watch.start();
    return server;
  }

  /**
   * @throws McpConnection.Failure when the server fails or does not answer in time
   */
  <T> T use(Function<McpSyncClient, T> work) {
    try {
      return work.apply(client);
    } catch (RuntimeException e) {
      throw new McpConnection.Failure(McpConnection.reason(e));
    }
  }

  /** Whether this process still serves the command: it runs, and the command is the same. */
  boolean serves(StdioCommand wanted) {
    return !ended && command.equals(wanted);
  }

  /** Ends the session and the sandbox with everything in it. */
  @Override
  public void close() {
    ended = true;
    client.close();
  }
}
