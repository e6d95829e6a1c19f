package io.protohive.kernel.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.protohive.kernel.encryption.FieldKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Exact nearest memories: every memory of the agent is compared in process. A memory's vector never
 * changes once written, so the vectors this node read are kept (the most recently used, up to
 * {@link #KEPT}): reading them as text and parsing them, on every turn, for every memory of the
 * agent, was most of a turn's cost. Only the ids of the agent's memories are read each time, the
 * vectors not kept yet, and the contents of the nearest.
 */
final class ExactMemorySearch implements MemorySearch {

  /** Vectors kept: of all-MiniLM's 384 dimensions, about 16 MB. */
  static final int KEPT = 10_000;

  private final Map<UUID, float[]> vectors =
      new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, float[]> eldest) {
          return size() > KEPT;
        }
      };

  private record Scored(UUID id, double score, Instant createdAt) {}

  @Override
  public List<MemoryHit> nearest(
      Connection connection,
      FieldKey key,
      UUID organizationId,
      UUID agentId,
      float[] query,
      int limit)
      throws SQLException {
    Map<UUID, Instant> memories = memories(connection, organizationId, agentId);
    Map<UUID, float[]> known = vectorsOf(connection, memories.keySet());
    Embedding wanted = Embedding.from(query);
    List<Scored> nearest =
        memories.entrySet().stream()
            .filter(memory -> known.containsKey(memory.getKey()))
            .map(
                memory ->
                    new Scored(
                        memory.getKey(),
                        CosineSimilarity.between(
                            wanted, Embedding.from(known.get(memory.getKey()))),
                        memory.getValue()))
            .sorted(Comparator.comparingDouble(Scored::score).reversed())
            .limit(limit)
            .toList();
    Map<UUID, String> contents = contents(connection, key, nearest);
    return nearest.stream()
        .filter(hit -> contents.containsKey(hit.id()))
        .map(hit -> new MemoryHit(hit.id(), contents.get(hit.id()), hit.score(), hit.createdAt()))
        .toList();
  }

  /** The agent's memories' ids, with when each was written. */
  private static Map<UUID, Instant> memories(
      Connection connection, UUID organizationId, UUID agentId) throws SQLException {
    Map<UUID, Instant> memories = new HashMap<>();
    try (var statement =
        connection.prepareStatement(
            "select id, created_at from memory_chunk where organization_id = ? and agent_id = ?")) {
      statement.setObject(1, organizationId);
      statement.setObject(2, agentId);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          memories.put(
              result.getObject("id", UUID.class), result.getTimestamp("created_at").toInstant());
        }
      }
    }
    return memories;
  }

  /** The memories' vectors, those this node does not keep yet read in one statement. */
  private Map<UUID, float[]> vectorsOf(Connection connection, Iterable<UUID> ids)
      throws SQLException {
    Map<UUID, float[]> found = new HashMap<>();
    List<UUID> missing = new ArrayList<>();
    synchronized (vectors) {
      for (UUID id : ids) {
        float[] vector = vectors.get(id);
        if (vector == null) {
          missing.add(id);
        } else {
          found.put(id, vector);
        }
      }
    }
    if (missing.isEmpty()) {
      return found;
    }
    try (var statement =
        connection.prepareStatement("select id, embedding from memory_chunk where id = any(?)")) {
      statement.setArray(1, connection.createArrayOf("uuid", missing.toArray()));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          found.put(
              result.getObject("id", UUID.class),
              VectorArrays.fromSql(result.getArray("embedding")));
        }
      }
    }
    synchronized (vectors) {
      for (UUID id : missing) {
        // a memory forgotten since its id was read has no vector
        if (found.containsKey(id)) {
          vectors.put(id, found.get(id));
        }
      }
    }
    return found;
  }

  /** The contents of the nearest memories, opened with the tenant's field keys. */
  private static Map<UUID, String> contents(
      Connection connection, FieldKey key, List<Scored> nearest) throws SQLException {
    Map<UUID, String> contents = new HashMap<>();
    if (nearest.isEmpty()) {
      return contents;
    }
    try (var statement =
        connection.prepareStatement(
            "select id, content, content_key from memory_chunk where id = any(?)")) {
      statement.setArray(
          1, connection.createArrayOf("uuid", nearest.stream().map(Scored::id).toArray()));
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          contents.put(result.getObject("id", UUID.class), MemorySearch.content(key, result));
        }
      }
    }
    return contents;
  }
}
