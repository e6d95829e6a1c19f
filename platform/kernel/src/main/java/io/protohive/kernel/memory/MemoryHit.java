package io.protohive.kernel.memory;

import java.time.Instant;
import java.util.UUID;

/**
 * Something an agent remembers, and how close it is to what was asked.
 *
 * @param score cosine similarity, from -1 to 1
 */
public record MemoryHit(UUID id, String content, double score, Instant createdAt) {}
