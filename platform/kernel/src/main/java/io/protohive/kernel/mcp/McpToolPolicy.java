package io.protohive.kernel.mcp;

/**
 * Whether agents are offered an MCP tool: ALLOWED tools are called freely, ASK_FIRST tools only in
 * task work and each call after a person approves it, OFF tools not at all. A tool a tenant has not
 * decided on is allowed.
 */
public enum McpToolPolicy {
  ALLOWED,
  ASK_FIRST,
  OFF
}
