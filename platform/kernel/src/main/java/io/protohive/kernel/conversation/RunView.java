package io.protohive.kernel.conversation;

import jakarta.json.JsonArray;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent's turn in a conversation, with every step it took as a trace.
 *
 * @param status {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param trace the steps: context, prompt, response, tool.call, tool.result, moderation, error
 */
public record RunView(
    UUID id,
    UUID conversationId,
    UUID agentId,
    RunKind kind,
    String status,
    JsonArray trace,
    String error,
    Instant startedAt,
    Instant finishedAt) {}
