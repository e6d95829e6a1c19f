package io.protohive.kernel.conversation;

import java.util.UUID;

/**
 * A file attached to a message, as the message shows it: its current name and state.
 *
 * @param status the file's ingestion state ({@code QUEUED} … {@code READY}, {@code FAILED})
 */
public record AttachedFile(UUID id, String name, String contentType, String status) {}
