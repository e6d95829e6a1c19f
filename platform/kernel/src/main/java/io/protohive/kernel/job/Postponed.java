package io.protohive.kernel.job;

import java.time.Duration;

/**
 * Thrown by a handler whose job cannot start yet, because another job holds what it works on: the
 * job is due again after the delay, and the attempt does not count against its attempts.
 */
public final class Postponed extends RuntimeException {

  private final Duration delay;

  public Postponed(String reason, Duration delay) {
    super(reason, null, false, false);
    this.delay = delay;
  }

  public Duration delay() {
    return delay;
  }
}
