package io.protohive.kernel.memory;

import java.util.Arrays;

/** Percentiles of measured durations, by nearest rank. */
final class Latencies {

  private final long[] sortedNanos;

  Latencies(long[] nanos) {
    sortedNanos = nanos.clone();
    Arrays.sort(sortedNanos);
  }

  double millis(double percentile) {
    int rank = (int) Math.ceil(percentile / 100 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
  }

  double p50() {
    return millis(50);
  }

  double p99() {
    return millis(99);
  }
}
