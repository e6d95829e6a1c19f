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

  /**
   * Matches ranked at most. Ranking reads every match's vector: words common in a corpus match a
   * large part of it, and ranking all of them cost about ten times as much at 100,000 chunks
   * (docs/benchmarks.md). The cut keeps the first matches the index yields; meaning still ranks
   * every chunk, and a rare word, the kind only words find, matches fewer chunks than this.
   */
  static final int RANKED = 1_000;

  static final String MATCHING =
      ScopedChunks.WITH
          + ", query(q) as (select websearch_to_tsquery('simple', ?)),"
          + " matched as (select c.id, c.content_search from file_chunk c"
          + ScopedChunks.JOIN
          + "cross join query where c.content_search @@ query.q limit "
          + RANKED
          + ") select matched.id from matched cross join query"
          + " order by ts_rank_cd(matched.content_search, query.q) desc, matched.id limit ?";

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
