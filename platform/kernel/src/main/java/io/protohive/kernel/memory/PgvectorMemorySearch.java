package io.protohive.kernel.memory;

import io.protohive.kernel.encryption.FieldKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Approximate nearest memories from pgvector's HNSW index. The index holds every agent's memories,
 * so the scan is iterative (pgvector 0.8): it keeps walking the graph until enough of this agent's
 * memories are found, instead of filtering a fixed candidate list down to too few.
 */
final class PgvectorMemorySearch implements MemorySearch {

  /**
   * Candidates the graph walk keeps; higher finds more of the true nearest, at some latency. At
   * 100,000 memories 100 missed most of the nearest for one query in twenty; 400 missed none, for
   * about half a millisecond more (docs/benchmarks.md).
   */
  static final int EF_SEARCH = 400;

  private final int efSearch;

  PgvectorMemorySearch() {
    this(EF_SEARCH);
  }

  /** A walk of another width, to measure what the width buys. */
  PgvectorMemorySearch(int efSearch) {
    this.efSearch = efSearch;
  }

  static final String NEAREST =
      "select id, content, content_key, created_at, 1 - (embedding_vector <=> q.v) as score"
          + " from memory_chunk, (select cast(cast(? as real[]) as vector) as v) q"
          + " where organization_id = ? and agent_id = ?"
          + " order by embedding_vector <=> q.v limit ?";

  /** Needs a transaction: the search settings are local to it. */
  @Override
  public List<MemoryHit> nearest(
      Connection connection,
      FieldKey key,
      UUID organizationId,
      UUID agentId,
      float[] query,
      int limit)
      throws SQLException {
    try (var settings = connection.createStatement()) {
      settings.execute(
          "select set_config('hnsw.ef_search', '"
              + EF_SEARCH
              + "', true),"
              + " set_config('hnsw.iterative_scan', 'strict_order', true)");
    }
    try (var statement = connection.prepareStatement(NEAREST)) {
      statement.setArray(1, VectorArrays.toSql(connection, query));
      statement.setObject(2, organizationId);
      statement.setObject(3, agentId);
      statement.setInt(4, limit);
      List<MemoryHit> hits = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          hits.add(
              new MemoryHit(
                  result.getObject("id", UUID.class),
                  MemorySearch.content(key, result),
                  result.getDouble("score"),
                  result.getTimestamp("created_at").toInstant()));
        }
      }
      return hits;
    }
  }
}
