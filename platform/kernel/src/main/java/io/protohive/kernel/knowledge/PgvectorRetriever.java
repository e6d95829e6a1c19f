package io.protohive.kernel.knowledge;

import io.protohive.kernel.memory.VectorArrays;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Approximate nearest chunks from pgvector's HNSW index. The index holds every organization's
 * chunks, so the scan is iterative (pgvector 0.8): it keeps walking the graph until enough readable
 * chunks are found, instead of filtering a fixed candidate list down to too few.
 */
final class PgvectorRetriever implements VectorRetriever {

  /**
   * As for memory: 400 candidates missed none of the nearest at 100,000 rows (docs/benchmarks.md).
   */
  static final int EF_SEARCH = 400;

  static final String NEAREST =
      ScopedChunks.WITH
          + "select c.id from file_chunk c"
          + ScopedChunks.JOIN
          + "cross join (select cast(cast(? as real[]) as vector) as v) q"
          + " order by c.embedding_vector <=> q.v limit ?";

  @Override
  public List<UUID> nearest(Connection connection, SearchScope scope, float[] query, int depth)
      throws SQLException {
    if (!connection.getAutoCommit()) {
      return nearestInTransaction(connection, scope, query, depth);
    }
    // the search settings last to the end of a transaction: without one they would be gone
    // before the query runs
    connection.setAutoCommit(false);
    try {
      return nearestInTransaction(connection, scope, query, depth);
    } finally {
      connection.rollback();
      connection.setAutoCommit(true);
    }
  }

  private static List<UUID> nearestInTransaction(
      Connection connection, SearchScope scope, float[] query, int depth) throws SQLException {
    try (var settings = connection.createStatement()) {
      settings.execute(
          "select set_config('hnsw.ef_search', '"
              + Math.max(EF_SEARCH, depth)
              + "', true),"
              + " set_config('hnsw.iterative_scan', 'strict_order', true)");
    }
    try (var statement = connection.prepareStatement(NEAREST)) {
      int next = ScopedChunks.bind(statement, connection, scope);
      statement.setArray(next, VectorArrays.toSql(connection, query));
      statement.setInt(next + 1, depth);
      List<UUID> ranked = new ArrayList<>();
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          ranked.add(result.getObject(1, UUID.class));
        }
      }
      return ranked;
    }
  }
}
