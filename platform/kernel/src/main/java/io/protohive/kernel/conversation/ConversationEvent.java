package io.protohive.kernel.conversation;

import java.util.UUID;

/**
 * Something that happened in a conversation, numbered in the order it happened.
 *
 * @param id increases with every event; a reconnecting subscriber passes the last it saw
 * @param type {@code message.created}, {@code message.delta}, {@code tool.call}, {@code
 *     tool.result}, {@code message.completed} or {@code run.failed}
 * @param payload a JSON object
 */
public record ConversationEvent(
    long id, UUID conversationId, UUID runId, String type, String payload) {}
