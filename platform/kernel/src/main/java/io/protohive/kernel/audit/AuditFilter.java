package io.protohive.kernel.audit;

import io.protohive.kernel.platform.Rejection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Which audit entries a reader asks for; every part is optional.
 *
 * @param target matches the id of what a request read or changed, or an action's subject
 * @param from entries at or after this time
 * @param to entries before this time
 */
public record AuditFilter(UUID actor, String action, String target, Instant from, Instant to) {

  public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);

  /**
   * The filter as a client gave it, in text.
   *
   * @throws Rejection naming the part that does not read, or {@code to} when it is not after {@code
   *     from}
   */
  public static AuditFilter of(String actor, String action, String target, String from, String to) {
    AuditFilter filter =
        new AuditFilter(
            actor == null || actor.isBlank() ? null : uuid(actor),
            blankToNull(action),
            blankToNull(target),
            instant("from", from),
            instant("to", to));
    if (filter.from != null && filter.to != null && !filter.to.isAfter(filter.from)) {
      throw Rejection.invalid("to", "Give a 'to' time after the 'from' time.");
    }
    return filter;
  }

  private static UUID uuid(String actor) {
    try {
      return UUID.fromString(actor.strip());
    } catch (IllegalArgumentException notAnId) {
      throw Rejection.invalid("actor", "Give the actor as a user id (a UUID).");
    }
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException notATime) {
      throw Rejection.invalid(
          field, "Give '" + field + "' as an ISO-8601 UTC time, such as 2026-12-01T00:00:00Z.");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
