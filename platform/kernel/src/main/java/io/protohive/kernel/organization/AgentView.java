package io.protohive.kernel.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agent of an organization.
 *
 * @param managerId the agent it reports to, or {@code null} at the top of the org chart
 * @param providerId, model the model it uses, or {@code null} for the tenant's route
 * @param tools the ids of the tools it may call, when the tenant has their plugins enabled, and of
 *     MCP tools, mcp.<server>.<tool>, that the tenant has not turned off
 */
public record AgentView(
    UUID id,
    UUID organizationId,
    String name,
    String role,
    String persona,
    UUID managerId,
    String providerId,
    String model,
    Double temperature,
    int maxSteps,
    List<String> tools,
    String color,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * How the agent is introduced to its model, first in every system prompt: the scripted model and
   * the org's personas rely on the "You are Name, role." opening.
   */
  public String introduction() {
    return "You are " + name + ", " + role + ".\n" + persona;
  }
}
