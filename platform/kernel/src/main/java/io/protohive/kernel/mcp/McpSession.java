package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
   * The session was gone before the work reached the server: the server refused every request for
   * no longer knowing the session, or could not be connected to. Nothing ran, so the work may be
   * done again in a new session.
   */
  static final class Expired extends McpConnection.Failure {
    Expired(McpConnection.Failure reason) {
      super(reason.getMessage());
    }
  }

  private final McpEndpoint endpoint;
  private final Duration timeout;
  private final RefusalWatch transport;
  private final McpSyncClient client;
  private volatile boolean ended;

  private McpSession(
      McpEndpoint endpoint,
      Duration timeout,
      RefusalWatch transport,
      Consumer<List<McpConnection.ListedTool>> toolsChanged) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.transport = transport;
    this.client = McpConnection.client(transport, timeout, toolsChanged);
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
        new McpSession(endpoint, timeout, new RefusalWatch(transport), toolsChanged);
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
    AtomicBoolean refused = new AtomicBoolean();
    try {
      return transport.watch(() -> work.apply(client), refused::set);
    } catch (RuntimeException e) {
      McpConnection.Failure failure = McpConnection.failure(e);
      throw refused.get() || unconnected(e) ? new Expired(failure) : failure;
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
   * Whether no connection could be made, so the request surely did not reach the server. A
   * connection that broke while the request was under way is no such proof.
   */
  private static boolean unconnected(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
