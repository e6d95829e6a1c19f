package io.protohive.kernel.identity;

/**
 * What decides whether an account's sessions still stand: whether it is disabled, and the session
 * generation that every token and UI session was opened under. Ending an account's sessions bumps
 * the generation, so whatever carries an older one is refused.
 */
public record AccountStanding(long generation, boolean disabled) {

  /** Whether a session opened under {@code generation} may go on. */
  public boolean admits(long sessionGeneration) {
    return !disabled && sessionGeneration == generation;
  }

  /** One number for the cluster's cache: a plain long needs no classes of ours to deserialize. */
  long encode() {
    return generation * 2 + (disabled ? 1 : 0);
  }

  static AccountStanding decode(long encoded) {
    return new AccountStanding(encoded / 2, encoded % 2 == 1);
  }
}
