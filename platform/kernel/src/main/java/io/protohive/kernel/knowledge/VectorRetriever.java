package io.protohive.kernel.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Ranks the chunks a scope may read by cosine similarity to a query vector, best first. Two ways,
 * which rank the same top chunks on the same data: pgvector's HNSW index where the database offers
 * it, and an exact search in process where it does not (the embedded database).
 */
sealed interface VectorRetriever permits PgvectorRetriever, ExactVectorRetriever {

  List<UUID> nearest(Connection connection, SearchScope scope, float[] query, int depth)
      throws SQLException;

  /** The way this database offers: pgvector when its migration could add the vector column. */
  static VectorRetriever offeredBy(Connection connection) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select 1 from information_schema.columns"
                + " where table_name = 'file_chunk' and column_name = 'embedding_vector'")) {
      try (var result = statement.executeQuery()) {
        return result.next() ? new PgvectorRetriever() : new ExactVectorRetriever();
      }
    }
  }
}
