package io.protohive.kernel.mcp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An MCP server registered for a tenant, with the tools it offered when last asked; its bearer
 * token is never shown.
 *
 * @param url where a server reached over HTTP is; {@code null} for one that runs as a command
 * @param command the executable and arguments of a server that runs as a command, which only
 *     platform admins register; {@code null} for one reached over HTTP
 */
public record McpServerView(
    UUID id,
    String name,
    String url,
    List<String> command,
    boolean hasToken,
    Instant createdAt,
    List<Tool> tools) {

  /** Where the server is: its URL, or the command line it runs as. */
  public String where() {
    return url != null ? url : String.join(" ", command);
  }

  /** A tool of the server and the tenant's policy for it. */
  public record Tool(String name, String description, McpToolPolicy policy) {}
}
