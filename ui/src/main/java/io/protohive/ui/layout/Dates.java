package io.protohive.ui.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the UI shows points in time: to the minute, in UTC, the platform's one time zone. */
public final class Dates {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Dates() {}

  public static String format(Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }
}
