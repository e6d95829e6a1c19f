package io.protohive.kernel.file;

import java.time.Instant;
import java.util.UUID;

/**
 * A file of an organization as its readers see it: its current version's name, type and size, and
 * how far its ingestion has come.
 *
 * @param statusReason why ingestion failed, or what a ready file lacks; {@code null} otherwise
 * @param pages the document's pages when its format has pages
 * @param ownerId the member who uploaded it; {@code null} for a file an agent's tool made
 * @param agentId the agent whose tool made it, with its run and task
 * @param deletedAt when it was moved to the bin; {@code null} for a live file
 */
public record FileView(
    UUID id,
    UUID organizationId,
    UUID folderId,
    String name,
    String contentType,
    long sizeBytes,
    int version,
    FileStatus status,
    String statusReason,
    Integer pages,
    FileVisibility visibility,
    UUID ownerId,
    UUID agentId,
    UUID runId,
    UUID taskId,
    Instant createdAt,
    Instant updatedAt,
    Instant deletedAt) {}
