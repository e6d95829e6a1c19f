package io.protohive.kernel.mcp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An MCP server registered for a tenant, with the tools it offered when last asked; its bearer
 * token and OAuth client secret are never shown.
 *
 * @param url where a server reached over HTTP is; {@code null} for one that runs as a command
 * @param command the executable and arguments of a server that runs as a command, which only
 *     platform admins register; {@code null} for one reached over HTTP
 * @param hasToken whether an admin gave a bearer token for it
 * @param auth how the platform authenticates to it
 */
public record McpServerView(
    UUID id,
    String name,
    String url,
    List<String> command,
    boolean hasToken,
    Auth auth,
    Instant createdAt,
    List<Tool> tools) {

  /** Where the server is: its URL, or the command line it runs as. */
  public String where() {
    return url != null ? url : String.join(" ", command);
  }

  /**
   * How the platform authenticates to a server: not at all, with the bearer token an admin gave, or
   * with an access token it gets with the OAuth client credentials grant.
   */
  public enum Auth {
    NONE,
    TOKEN,
    OAUTH
  }

  /** A tool of the server and the tenant's policy for it. */
  public record Tool(String name, String description, McpToolPolicy policy) {}
}
