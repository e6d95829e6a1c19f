package io.protohive.kernel.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Files and folders an organization groups for its agents to search. */
public record KnowledgeBaseView(
    UUID id,
    UUID organizationId,
    String name,
    String description,
    List<UUID> fileIds,
    List<UUID> folderIds,
    Instant createdAt) {}
