package io.protohive.kernel.knowledge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Merges rankings by reciprocal rank fusion: an item scores the sum of 1 / (k + rank) over the
 * rankings that hold it, rank counted from 1. It needs only ranks, so the cosine similarities and
 * full-text ranks, which are on unrelated scales, need no calibration against each other.
 */
final class ReciprocalRankFusion {

  /** The usual constant; it keeps one retriever's first place from outweighing broad agreement. */
  static final int K = 60;

  private ReciprocalRankFusion() {}

  /** The fused scores, best first; ties keep the order in which the rankings first name them. */
  static Map<UUID, Double> fuse(List<List<UUID>> rankings) {
    Map<UUID, Double> scores = new LinkedHashMap<>();
    for (List<UUID> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        scores.merge(ranking.get(i), 1.0 / (K + i + 1), Double::sum);
      }
    }
    Map<UUID, Double> fused = new LinkedHashMap<>();
    scores.entrySet().stream()
        .sorted(Map.Entry.<UUID, Double>comparingByValue().reversed())
        .forEachOrdered(entry -> fused.put(entry.getKey(), entry.getValue()));
    return fused;
  }
}
