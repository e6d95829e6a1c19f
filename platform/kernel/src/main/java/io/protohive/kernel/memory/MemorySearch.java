package io.protohive.kernel.memory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Finds an agent's memories closest to a query vector by cosine similarity, best first. Two ways,
 * which return the same top memories on the same data: pgvector's HNSW index where the database
 * offers it, and an exact search in process where it does not (the embedded database).
 */
public sealed interface MemorySearch permits PgvectorMemorySearch, ExactMemorySearch {

  List<MemoryHit> nearest(
      Connection connection, UUID organizationId, UUID agentId, float[] query, int limit)
      throws SQLException;

  /** The way this database offers: pgvector when its migration could add the vector column. */
  static MemorySearch offeredBy(Connection connection) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select 1 from information_schema.columns"
                + " where table_name = 'memory_chunk' and column_name = 'embedding_vector'")) {
      try (var result = statement.executeQuery()) {
        return result.next() ? new PgvectorMemorySearch() : new ExactMemorySearch();
      }
    }
  }
}
