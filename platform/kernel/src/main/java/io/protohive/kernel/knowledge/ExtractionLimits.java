package io.protohive.kernel.knowledge;

import java.time.Duration;

/**
 * What one extraction may cost, so that a hostile or broken upload cannot exhaust memory or hold a
 * worker: characters of text kept, wall time, nesting and number of embedded documents, and how
 * much a compressed part may inflate relative to the text it yields.
 */
public record ExtractionLimits(
    int maxCharacters,
    Duration timeout,
    int maxEmbeddedDepth,
    int maxEmbeddedDocuments,
    long maxCompressionRatio) {

  public static final ExtractionLimits DEFAULTS =
      new ExtractionLimits(5_000_000, Duration.ofSeconds(60), 2, 100, 100);

  public ExtractionLimits {
    if (maxCharacters < 1
        || timeout.isNegative()
        || timeout.isZero()
        || maxEmbeddedDepth < 0
        || maxEmbeddedDocuments < 0
        || maxCompressionRatio < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
