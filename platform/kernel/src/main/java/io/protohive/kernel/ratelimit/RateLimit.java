package io.protohive.kernel.ratelimit;

import java.time.Duration;

/**
 * How many requests a key may make in a window: the bucket holds {@code quota} and refills
 * steadily, the whole quota over one {@code window}.
 *
 * @param policy the name the rate limit headers give it, such as {@code user}
 */
public record RateLimit(String policy, long quota, Duration window) {

  public RateLimit {
    if (quota < 1) {
      throw new IllegalArgumentException("a quota is at least 1, was " + quota);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a window is longer than zero, was " + window);
    }
  }

  public static RateLimit perMinute(String policy, long quota) {
    return new RateLimit(policy, quota, Duration.ofMinutes(1));
  }
}
