package io.protohive.kernel.file;

import java.time.Instant;
import java.util.UUID;

/** A member ({@code accountId}) or an agent ({@code agentId}) a file is shared with. */
public record ShareView(UUID id, UUID fileId, UUID accountId, UUID agentId, Instant createdAt) {}
