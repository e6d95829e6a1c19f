package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An initialized session with an MCP server that serves one request after another, several at once:
 * over streamable HTTP, or over the standard input and output of a server run as a command in the
 * sandbox, which lives as long as the session. Requests are bounded by the timeout, the session is
 * not.
 */
final class McpSession implements AutoCloseable {

  /**
   * The session was gone before the request reached the server: the server no longer knew it, or
   * could not be connected to. Nothing ran, so the request may be made again in a new session.
   */
  static final class Expired extends McpConnection.Failure {
    Expired(McpConnection.Failure reason) {
      super(reason.getMessage());
    }
  }

  private final McpEndpoint endpoint;
  private final Duration timeout;
  private final McpSyncClient client;
  private volatile boolean ended;

  private McpSession(McpEndpoint endpoint, Duration timeout, McpSyncClient client) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.client = client;
  }

  /**
   * Opens a session with the server: for a command, starts it.
   *
   * @param toolsChanged given the server's tools whenever it says they changed
   * @throws McpConnection.Failure when the server may not be reached, cannot start or does not
   *     answer in time
   */
  static McpSession open(
      McpEndpoint endpoint,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged) {
    McpClientTransport transport = endpoint.transport().apply(timeout);
    McpSession session =
        new McpSession(endpoint, timeout, McpConnection.client(transport, timeout, toolsChanged));
    try {
      session.client.initialize();
    } catch (RuntimeException e) {
      session.close();
      throw McpConnection.failure(e);
    }
    if (transport instanceof StdioClientTransport process) {
      Thread watch =
          new Thread(
              () -> {
                process.awaitForExit();
                session.ended = true;
              },
              "mcp-stdio-exit");
      watch.setDaemon(true);
      watch.start();
    }
    return session;
  }

  /**
   * @throws Expired when the request never reached the server because the session was gone
   * @throws McpConnection.Failure when the server fails or does not answer in time
   */
  <T> T use(Function<McpSyncClient, T> work) {
    try {
      return work.apply(client);
    } catch (RuntimeException e) {
      McpConnection.Failure failure = McpConnection.failure(e);
      throw undelivered(e) ? new Expired(failure) : failure;
    }
  }

  /**
   * Whether this session still serves the server as it is now reached: it is open, reaches the same
   * command or URL, and bounds requests by the same timeout.
   */
  boolean serves(McpEndpoint wanted, Duration wantedTimeout) {
    return !ended && endpoint.reaches().equals(wanted.reaches()) && timeout.equals(wantedTimeout);
  }

  /** Ends the session; for a command, the sandbox with everything in it. */
  @Override
  public void close() {
    ended = true;
    client.close();
  }

  /**
   * Whether the request surely did not reach the server: the server answered that it knows no such
   * session (HTTP 404, as the protocol has it), or no connection could be made. A connection that
   * broke while the request was under way is no such proof.
   */
  private static boolean undelivered(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof McpTransportSessionNotFoundException
          || cause instanceof ConnectException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
