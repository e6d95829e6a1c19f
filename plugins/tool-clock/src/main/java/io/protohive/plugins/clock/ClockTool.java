package io.protohive.plugins.clock;

import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * Answers "what time is it" for an IANA time zone, UTC when none is given.
 *
 * <p>The smallest complete tool: a DS component registered as a {@link Tool} service, with a JSON
 * Schema for its one argument and errors the model can act on.
 */
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
  public String parametersSchema() {
    return """
        {"type":"object","properties":{"zone":{"type":"string",\
        "description":"IANA time zone, such as Europe/Berlin"}}}""";
  }

  @Override
  public ToolResult invoke(Map<String, Object> arguments, ToolContext context) {
    Object zone = arguments.getOrDefault("zone", "UTC");
    try {
      ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneId.of(String.valueOf(zone))));
      return ToolResult.text(now.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    } catch (DateTimeException e) {
      return ToolResult.error(
          "Unknown time zone '" + zone + "'. Use an IANA name such as 'America/New_York'.");
    }
  }
}
