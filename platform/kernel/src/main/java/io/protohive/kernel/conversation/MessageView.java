package io.protohive.kernel.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message of a conversation.
 *
 * @param authorKind {@code USER} or {@code AGENT}
 * @param runId the agent run that wrote it, or {@code null} for a person's message
 * @param model the model that wrote an agent's message, as its provider names it; {@code null} for
 *     a person's message
 * @param files the files a person attached, in the order they were attached, or those the agent's
 *     tools kept during the run that wrote it, in the order they were kept
 */
public record MessageView(
    UUID id,
    UUID conversationId,
    String authorKind,
    UUID authorId,
    String content,
    UUID runId,
    String model,
    Instant createdAt,
    List<AttachedFile> files) {

  public MessageView {
    files = List.copyOf(files);
  }

  /** This message with the files attached to it. */
  public MessageView withFiles(List<AttachedFile> attached) {
    return new MessageView(
        id, conversationId, authorKind, authorId, content, runId, model, createdAt, attached);
  }
}
