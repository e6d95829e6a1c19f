package io.protohive.kernel.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ranks the chunks a scope may read that contain the query's words, by how often and how close
 * together they occur. Finds what embeddings blur: product codes, names, numbers. The query reads
 * as in a web search engine: quoted phrases, {@code or}, {@code -word}; words are kept as written
 * (the {@code simple} configuration, as the index was built), in any language.
 */
final class FullTextRetriever {

  static final String MATCHING =
      ScopedChunks.WITH
          + "select c.id from file_chunk c"
          + ScopedChunks.JOIN
          + "cross join websearch_to_tsquery('simple', ?) q"
          + " where c.content_search @@ q"
          + " order by ts_rank_cd(c.content_search, q) desc, c.id limit ?";

  private FullTextRetriever() {}

  static List<UUID> matching(Connection connection, SearchScope scope, String query, int depth)
      throws SQLException {
    try (var statement = connection.prepareStatement(MATCHING)) {
      int next = ScopedChunks.bind(statement, connection, scope);
      statement.setString(next, query);
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
