package io.protohive.kernel.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment on a task.
 *
 * @param authorKind {@code USER}, {@code AGENT}, or {@code SYSTEM} for the platform's own notes
 */
public record CommentView(
    UUID id, UUID taskId, String authorKind, UUID authorId, String content, Instant createdAt) {}
