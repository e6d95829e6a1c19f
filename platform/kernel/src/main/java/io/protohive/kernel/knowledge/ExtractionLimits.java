package io.protohive.kernel.knowledge;

import java.time.Duration;

/**
 * What one extraction may cost, so that a hostile or broken upload cannot exhaust memory or hold a
 * worker: characters of text kept, wall time, nesting and number of embedded documents, how much a
 * compressed part may inflate relative to the text it yields, and the memory a parser may hold for
 * one part of a document.
 *
 * @param maxMemoryBytes the most a parser holds in memory of one part: an Office document's part
 *     unpacked or record read, or the PDF parser's buffers (beyond which it spills to a temporary
 *     file); a document with a larger part fails as too large
 */
public record ExtractionLimits(
    int maxCharacters,
    Duration timeout,
    int maxEmbeddedDepth,
    int maxEmbeddedDocuments,
    long maxCompressionRatio,
    int maxMemoryBytes) {

  public static final ExtractionLimits DEFAULTS =
      new ExtractionLimits(5_000_000, Duration.ofSeconds(60), 2, 100, 100, 64 << 20);

  public ExtractionLimits {
    if (maxCharacters < 1
        || timeout.isNegative()
        || timeout.isZero()
        || maxEmbeddedDepth < 0
        || maxEmbeddedDocuments < 0
        || maxCompressionRatio < 1
        || maxMemoryBytes < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
