package io.protohive.kernel.routine;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.protohive.kernel.platform.Rejection;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A routine's cron schedule: a Unix cron expression in a time zone, parsed by cron-utils. A
 * schedule must not fire more often than the minimum interval, judged over its next firings, so
 * that a routine cannot turn an agent into the heartbeat that burns tokens for nothing.
 */
final class Schedule {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** How many firings ahead the interval is judged over: enough to meet a burst in an hour. */
  private static final int LOOK_AHEAD = 120;

  private final ExecutionTime times;
  private final ZoneId zone;

  private Schedule(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  /**
   * The schedule, or a refusal naming what is wrong with it.
   *
   * @throws Rejection (unprocessable) for an expression that is not valid Unix cron, or that fires
   *     more often than {@code minimum}; (invalid) for an unknown time zone (see {@link #zone})
   */
  static Schedule of(String cron, String timeZone, Duration minimum, Instant from) {
    ZoneId zone = zone(timeZone);
    ExecutionTime times;
    try {
      times = ExecutionTime.forCron(PARSER.parse(cron.strip()));
    } catch (IllegalArgumentException e) {
      throw Rejection.of(
          Rejection.Kind.UNPROCESSABLE,
          "The cron expression \""
              + cron
              + "\" is not valid: give minute, hour, day of month, month and day of week, such as"
              + " \"0 9 * * 1\" for Mondays at 9:00.");
    }
    Schedule schedule = new Schedule(times, zone);
    Optional<Instant> previous = schedule.next(from);
    if (previous.isEmpty()) {
      throw Rejection.of(
          Rejection.Kind.UNPROCESSABLE, "The cron expression \"" + cron + "\" never fires.");
    }
    for (int i = 0; i < LOOK_AHEAD; i++) {
      Optional<Instant> next = schedule.next(previous.get());
      if (next.isEmpty()) {
        break;
      }
      if (Duration.between(previous.get(), next.get()).compareTo(minimum) < 0) {
        throw Rejection.of(
            Rejection.Kind.UNPROCESSABLE,
            "The cron expression \""
                + cron
                + "\" fires more often than every "
                + minimum.toMinutes()
                + " minutes, the tenant's minimum interval.");
      }
      previous = next;
    }
    return schedule;
  }

  /**
   * @throws Rejection (invalid) for an unknown time zone
   */
  static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw Rejection.invalid(
          "timeZone", "No time zone " + timeZone + "; try UTC or Europe/Berlin.");
    }
  }

  /** The first firing strictly after {@code after}. */
  Optional<Instant> next(Instant after) {
    return times.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
  }
}
