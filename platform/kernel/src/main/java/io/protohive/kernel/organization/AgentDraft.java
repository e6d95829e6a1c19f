package io.protohive.kernel.organization;

import java.util.List;
import java.util.UUID;

/**
 * What a person sets on an agent; {@code null} fields of a change keep their value.
 *
 * @param clearManager moves the agent to the top of the org chart
 */
public record AgentDraft(
    String name,
    String role,
    String persona,
    UUID managerId,
    Boolean clearManager,
    String providerId,
    String model,
    Double temperature,
    Integer maxSteps,
    List<String> tools,
    String color) {}
