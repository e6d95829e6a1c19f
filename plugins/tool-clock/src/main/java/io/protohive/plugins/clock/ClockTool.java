package io.protohive.plugins.clock;

import io.protohive.plugin.api.Tool;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Answers "what time is it" for an IANA time zone, UTC when none is given. */
@Component(service = Tool.class)
public final class ClockTool implements Tool {

  public static final String ID = "clock.now";

  private final Clock clock;

  public ClockTool() {
    this(Clock.systemUTC());
  }

  ClockTool(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Clock";
  }

  @Override
  public String description() {
    return "Returns the current date and time (ISO-8601) in the time zone given as 'zone', e.g."
        + " 'Europe/Berlin'; UTC when no zone is given.";
  }

  @Override
  public String invoke(Map<String, Object> arguments) {
    Object zone = arguments.getOrDefault("zone", "UTC");
    try {
      ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.of(String.valueOf(zone))));
      return now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      return "Unknown time zone '" + zone + "'. Use an IANA name such as 'America/New_York'.";
    }
  }
}
