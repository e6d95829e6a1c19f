package io.protohive.kernel.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * A message of a conversation.
 *
 * @param authorKind {@code USER} or {@code AGENT}
 * @param runId the agent run that wrote it, or {@code null} for a person's message
 * @param model the model that wrote an agent's message, as its provider names it; {@code null} for
 *     a person's message
 */
public record MessageView(
    UUID id,
    UUID conversationId,
    String authorKind,
    UUID authorId,
    String content,
    UUID runId,
    String model,
    Instant createdAt) {}
