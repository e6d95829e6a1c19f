package io.protohive.kernel.organization;

import java.util.regex.Pattern;

/** What the ids in an agent's tools look like. */
public final class AgentToolIds {

  /** A plugin tool's id, such as clock.now. */
  public static final Pattern PLUGIN_TOOL = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

  /**
   * An MCP tool's id: {@code mcp.}, a server's name and a tool name as the protocol advises them
   * (the servers choose them), such as mcp.github.search_issues.
   */
  public static final Pattern MCP_TOOL =
      Pattern.compile("mcp\\.[a-z0-9][a-z0-9-]{0,39}\\.[A-Za-z0-9_.-]{1,128}");

  private AgentToolIds() {}

  /** Whether the id is a plugin tool's or an MCP tool's. */
  public static boolean valid(String id) {
    return id != null && (PLUGIN_TOOL.matcher(id).matches() || MCP_TOOL.matcher(id).matches());
  }
}
