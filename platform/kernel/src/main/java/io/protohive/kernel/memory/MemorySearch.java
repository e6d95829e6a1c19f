package io.protohive.kernel.memory;

import io.protohive.kernel.encryption.FieldKey;
import io.protohive.kernel.encryption.SealedColumn;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Finds an agent's memories closest to a query vector by cosine similarity, best first. Two ways,
 * which return the same top memories on the same data: pgvector's HNSW index where the database
 * offers it, and an exact search in process where it does not (the embedded database).
 */
public sealed interface MemorySearch permits PgvectorMemorySearch, ExactMemorySearch {

  /** The nearest memories, their contents opened with the tenant's field keys. */
  List<MemoryHit> nearest(
      Connection connection,
      FieldKey key,
      UUID organizationId,
      UUID agentId,
      float[] query,
      int limit)
      throws SQLException;

  /** The content of the result's current row, which selected its id, content and content key. */
  static String content(FieldKey key, ResultSet result) throws SQLException {
    return key.read(
        result.getString("content"),
        result.getObject("content_key", Long.class),
        SealedColumn.MEMORY_CONTENT.context(result.getObject("id", UUID.class)));
  }

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
