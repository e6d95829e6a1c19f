package io.protohive.kernel.organization;

import java.util.List;
import java.util.UUID;

/**
 * What a person sets on an agent; {@code null} fields of a change keep their value.
 *
 * @param clearManager moves the agent to the top of the org chart
 * @param clearModel lets the agent use the tenant's route again
 * @param clearTemperature lets the agent use its model's default temperature again
 */
public record AgentDraft(
    String name,
    String role,
    String persona,
    UUID managerId,
    Boolean clearManager,
    String providerId,
    String model,
    Boolean clearModel,
    Double temperature,
    Boolean clearTemperature,
    Integer maxSteps,
    List<String> tools,
    String color) {}
