package io.protohive.kernel.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the platform refuses, with a message meant for the person who made it. The API turns
 * the kind into an HTTP status; nothing about the platform's internals is in the message.
 */
public final class Rejection extends RuntimeException {

  /** Why the request is refused. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    /** Well-formed, but at odds with what the platform holds (an idempotency key reused). */
    UNPROCESSABLE,
    /** More bytes than a limit or a quota allows. */
    TOO_LARGE,
    TOO_MANY_REQUESTS
  }

  private final Kind kind;
  private final String field;
  private final Duration retryAfter;

  private Rejection(Kind kind, String message, String field, Duration retryAfter) {
    super(message, null, false, false);
    this.kind = kind;
    this.field = field;
    this.retryAfter = retryAfter;
  }

  public static Rejection invalid(String field, String message) {
    return new Rejection(Kind.INVALID, message, field, null);
  }

  public static Rejection of(Kind kind, String message) {
    return new Rejection(kind, message, null, null);
  }

  public static Rejection tooManyRequests(String message, Duration retryAfter) {
    return new Rejection(Kind.TOO_MANY_REQUESTS, message, null, retryAfter);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, for validation errors. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
