package io.protohive.kernel.platform;

/**
 * A reason the platform cannot start, phrased for the operator: what failed and where. It carries
 * no stack trace, so the log shows the one line that matters instead of a wall of frames.
 */
public final class StartupFailure extends RuntimeException {

  public StartupFailure(String message) {
    super(message, null, false, false);
  }
}
