package io.protohive.kernel.mcp;

/** Whether agents are offered an MCP tool; a tool a tenant has not decided on is allowed. */
public enum McpToolPolicy {
  ALLOWED,
  OFF
}
