package io.protohive.kernel.knowledge;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hybrid search over the chunks of an organization's files: one retriever ranks chunks by meaning
 * (the query's embedding), the other by the query's words (PostgreSQL full text); both rank only
 * what the scope may read. Their rankings are fused by reciprocal rank fusion and the fused list
 * passes through a {@link Reranker} before the best are returned.
 *
 * <p>Three queries per search whatever the limit: one per retriever and one that loads the hits.
 * The caller owns the connection and its tenant; where pgvector serves, the search sets its scan
 * settings for the current transaction (or a short one of its own under auto-commit).
 *
 * <p>Thread-safe.
 */
public final class KnowledgeSearch {

  /** How many chunks each retriever ranks for the fusion, at least. */
  static final int DEPTH = 50;

  private static final String HITS =
      "select c.id, c.file_id, f.name, c.page, c.heading, c.content"
          + " from file_chunk c join stored_file f on f.id = c.file_id where c.id = any(?)";

  private final VectorRetriever vectors;
  private final Reranker reranker;

  KnowledgeSearch(VectorRetriever vectors, Reranker reranker) {
    this.vectors = vectors;
    this.reranker = reranker;
  }

  /** The search this database offers: pgvector where the migration could add it, else exact. */
  public static KnowledgeSearch offeredBy(Connection connection) throws SQLException {
    return new KnowledgeSearch(VectorRetriever.offeredBy(connection), Reranker.IDENTITY);
  }

  /** The same search with its fused hits reordered by the given reranker. */
  public KnowledgeSearch rerankedBy(Reranker other) {
    return new KnowledgeSearch(vectors, other);
  }

  /**
   * The chunks that answer the query best, best first.
   *
   * @param query the words to find; blank searches by meaning only
   * @param queryVector the query's embedding by the in-process model; null searches by words only
   */
  public List<KnowledgeHit> search(
      Connection connection, SearchScope scope, String query, float[] queryVector, int limit)
      throws SQLException {
    if (limit <= 0) {
      return List.of();
    }
    int wanted = Math.max(limit, reranker.candidates(limit));
    int depth = Math.max(DEPTH, wanted);
    List<UUID> byMeaning =
        queryVector == null ? List.of() : vectors.nearest(connection, scope, queryVector, depth);
    List<UUID> byWords =
        query == null || query.isBlank()
            ? List.of()
            : FullTextRetriever.matching(connection, scope, query, depth);
    Map<UUID, Double> fused = ReciprocalRankFusion.fuse(List.of(byMeaning, byWords));
    List<UUID> candidates = fused.keySet().stream().limit(wanted).toList();
    List<KnowledgeHit> hits = load(connection, candidates, fused);
    List<KnowledgeHit> reranked = reranker.rerank(query, hits);
    return reranked.size() > limit ? List.copyOf(reranked.subList(0, limit)) : reranked;
  }

  private static List<KnowledgeHit> load(
      Connection connection, List<UUID> chunkIds, Map<UUID, Double> scores) throws SQLException {
    if (chunkIds.isEmpty()) {
      return List.of();
    }
    Map<UUID, KnowledgeHit> byId = new HashMap<>();
    try (var statement = connection.prepareStatement(HITS)) {
      statement.setArray(1, connection.createArrayOf("uuid", chunkIds.toArray(UUID[]::new)));
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          UUID id = result.getObject("id", UUID.class);
          byId.put(
              id,
              new KnowledgeHit(
                  result.getObject("file_id", UUID.class),
                  result.getString("name"),
                  result.getObject("page", Integer.class),
                  result.getString("heading"),
                  result.getString("content"),
                  scores.get(id)));
        }
      }
    }
    List<KnowledgeHit> ordered = new ArrayList<>(chunkIds.size());
    for (UUID id : chunkIds) {
      KnowledgeHit hit = byId.get(id);
      if (hit != null) {
        ordered.add(hit);
      }
    }
    return ordered;
  }
}
