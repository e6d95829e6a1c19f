package io.protohive.kernel.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sessions this node keeps with MCP servers, one per server whether it is reached over HTTP or
 * runs as a command: opened at the server's first use and again after it failed, so that calls pay
 * for neither the handshake nor starting a process, and the server can tell when its tools change.
 * Several calls share a server's session at once.
 */
@ApplicationScoped
public class McpSessions {

  private final Map<UUID, McpSession> kept = new ConcurrentHashMap<>();

  /** One per server, so that a server's session is opened once while others' calls go on. */
  private final Map<UUID, Object> opening = new ConcurrentHashMap<>();

  /** The tools of a server not yet registered, from a session of its own that ends after. */
  List<McpConnection.ListedTool> listOnce(McpEndpoint endpoint, Duration timeout) {
    try (McpSession once = McpSession.open(endpoint, timeout, tools -> {})) {
      return once.use(McpConnection::listTools);
    }
  }

  /**
   * Works with the server's kept session. A failure closes it, so that the next use opens a new
   * one; a session found gone before the work reached the server is opened again once and the work
   * done there, and never when the server may have done it.
   *
   * @param toolsChanged given the server's tools whenever it says they changed
   * @throws McpConnection.Failure when the server cannot be reached, fails or does not answer in
   *     time
   */
  <T> T use(
      UUID serverId,
      McpEndpoint endpoint,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged,
      Function<McpSyncClient, T> work) {
    McpSession session = kept(serverId, endpoint, timeout, toolsChanged);
    try {
      return session.use(work);
    } catch (McpSession.Expired e) {
      forget(serverId, session);
      McpSession reopened = kept(serverId, endpoint, timeout, toolsChanged);
      try {
        return reopened.use(work);
      } catch (McpConnection.Failure again) {
        forget(serverId, reopened);
        throw again;
      }
    } catch (McpConnection.Failure e) {
      forget(serverId, session);
      throw e;
    }
  }

  /** Closes the server's session on this node, if it has one. */
  void stop(UUID serverId) {
    synchronized (lock(serverId)) {
      McpSession session = kept.remove(serverId);
      if (session != null) {
        session.close();
      }
    }
  }

  @PreDestroy
  void stopAll() {
    kept.keySet().forEach(this::stop);
  }

  private McpSession kept(
      UUID serverId,
      McpEndpoint endpoint,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged) {
    McpSession session = kept.get(serverId);
    if (session != null && session.serves(endpoint, timeout)) {
      return session;
    }
    synchronized (lock(serverId)) {
      session = kept.get(serverId);
      if (session != null && session.serves(endpoint, timeout)) {
        return session;
      }
      if (session != null) {
        kept.remove(serverId, session);
        session.close();
      }
      McpSession opened = McpSession.open(endpoint, timeout, toolsChanged);
      kept.put(serverId, opened);
      return opened;
    }
  }

  private void forget(UUID serverId, McpSession session) {
    if (kept.remove(serverId, session)) {
      session.close();
    }
  }

  private Object lock(UUID serverId) {
    return opening.computeIfAbsent(serverId, id -> new Object());
  }
}
