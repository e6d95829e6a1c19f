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
 * The MCP servers that run as commands on this node: one sandboxed process per server, started at
 * its first use and again after it ended or failed, so that calls do not pay for starting it and
 * the server can tell when its tools change.
 */
@ApplicationScoped
public class StdioServers {

  private final Map<UUID, StdioServerProcess> running = new ConcurrentHashMap<>();

  /** The tools of a server not yet registered, from a process of its own that ends after. */
  List<McpConnection.ListedTool> listOnce(StdioCommand command, Duration timeout) {
    try (StdioServerProcess once = StdioServerProcess.start(command, timeout, tools -> {})) {
      return once.use(McpConnection::listTools);
    }
  }

  /**
   * Works with the server's running process, which a failure ends so that the next use starts it
   * afresh.
   *
   * @param toolsChanged given the server's tools whenever it says they changed
   * @throws McpConnection.Failure when the server cannot start, fails or does not answer in time
   */
  <T> T use(
      UUID serverId,
      StdioCommand command,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged,
      Function<McpSyncClient, T> work) {
    StdioServerProcess process = running(serverId, command, timeout, toolsChanged);
    try {
      return process.use(work);
    } catch (McpConnection.Failure e) {
      running.remove(serverId, process);
      process.close();
      throw e;
    }
  }

  /** Ends the server's process on this node, if it runs. */
  void stop(UUID serverId) {
    StdioServerProcess process = running.remove(serverId);
    if (process != null) {
      process.close();
    }
  }

  @PreDestroy
  void stopAll() {
    running.keySet().forEach(this::stop);
  }

  private StdioServerProcess running(
      UUID serverId,
      StdioCommand command,
      Duration timeout,
      Consumer<List<McpConnection.ListedTool>> toolsChanged) {
    StdioServerProcess process = running.get(serverId);
    if (process != null && process.serves(command)) {
      return process;
    }
    synchronized (this) {
      process = running.get(serverId);
      if (process != null && process.serves(command)) {
        return process;
      }
      if (process != null) {
        process.close();
      }
      StdioServerProcess started = StdioServerProcess.start(command, timeout, toolsChanged);
      running.put(serverId, started);
      return started;
    }
  }
}
