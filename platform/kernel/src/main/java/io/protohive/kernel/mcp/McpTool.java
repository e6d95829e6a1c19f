package io.protohive.kernel.mcp;

import java.util.UUID;

/**
 * An MCP tool offered to a tenant's agents.
 *
 * @param id the tool's id in agents' tools, approvals and traces, {@code mcp.<server>.<tool>}
 * @param inputSchema the JSON Schema of its arguments, as the server gave it
 * @param asksFirst whether each call waits for a person's approval ({@link
 *     McpToolPolicy#ASK_FIRST})
 */
public record McpTool(
    UUID serverId,
    String server,
    String name,
    String id,
    String description,
    String inputSchema,
    boolean asksFirst) {

  public static String idOf(String server, String tool) {
    return "mcp." + server + "." + tool;
  }

  /** The name models see, which holds only letters, digits, underscores and hyphens. */
  public String modelName() {
    String modelName = ("mcp_" + server + "_" + name).replaceAll("[^A-Za-z0-9_-]", "_");
    return modelName.length() > 64 ? modelName.substring(0, 64) : modelName;
  }
}
