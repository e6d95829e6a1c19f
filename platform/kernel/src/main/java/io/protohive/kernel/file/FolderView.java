package io.protohive.kernel.file;

import java.time.Instant;
import java.util.UUID;

/** A folder of an organization's files; {@code parentId} is {@code null} at the top. */
public record FolderView(
    UUID id, UUID organizationId, UUID parentId, String name, Instant createdAt) {}
