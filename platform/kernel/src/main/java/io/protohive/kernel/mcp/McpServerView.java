package io.protohive.kernel.mcp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An MCP server a tenant registered, with the tools it offered when last asked; its bearer token is
 * never shown.
 */
public record McpServerView(
    UUID id, String name, String url, boolean hasToken, Instant createdAt, List<Tool> tools) {

  /** A tool of the server and the tenant's policy for it. */
  public record Tool(String name, String description, McpToolPolicy policy) {}
}
