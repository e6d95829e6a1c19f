package io.protohive.kernel.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's turn in a conversation, with every step it took as a JSON trace.
 *
 * @param status {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param trace a JSON array of steps: prompt, response, tool.call, tool.result, error
 */
public record RunView(
    UUID id,
    UUID conversationId,
    UUID agentId,
    String status,
    String trace,
    String error,
    Instant startedAt,
    Instant finishedAt) {}
