package io.protohive.kernel.knowledge;

import java.util.List;
import java.util.UUID;

/** A new knowledge base: its name and the organization's files and folders it holds. */
public record KnowledgeBaseDraft(
    String name, String description, List<UUID> fileIds, List<UUID> folderIds) {}
