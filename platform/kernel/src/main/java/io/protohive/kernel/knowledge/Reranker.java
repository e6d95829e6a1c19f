package io.protohive.kernel.knowledge;

import java.util.List;

/**
 * Reorders the fused hits of a knowledge search before the best are returned, for instance by a
 * cross-encoder that reads the query and each chunk together. The search hands it the best {@link
 * #candidates(int)} fused hits, best first, and keeps the first {@code limit} of what it returns.
 *
 * <p>Implementations must be thread-safe: one search serves many callers.
 */
public interface Reranker {

  /** Keeps the fused order. */
  Reranker IDENTITY = (query, hits) -> hits;

  List<KnowledgeHit> rerank(String query, List<KnowledgeHit> hits);

  /** How many fused hits it wants to see to return {@code limit}; each retriever ranks as many. */
  default int candidates(int limit) {
    return limit;
  }
}
