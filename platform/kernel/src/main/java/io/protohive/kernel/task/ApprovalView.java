package io.protohive.kernel.task;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's consequential action, held until a person decides.
 *
 * @param arguments the tool's arguments as JSON, as the agent gave them or as a person edited them
 * @param status {@code PENDING}, {@code APPROVED} or {@code REJECTED}
 */
public record ApprovalView(
    UUID id,
    UUID taskId,
    UUID agentId,
    String toolId,
    String arguments,
    String status,
    UUID decidedBy,
    Instant decidedAt,
    String note,
    Instant createdAt) {}
