package io.protohive.kernel.routine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.platform.Rejection;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Instant SUNDAY = Instant.parse("2026-12-06T23:30:00Z");

  @Test
  void aWeeklyScheduleFiresOnItsDayAndHourInItsTimeZone() {
    Schedule berlin = Schedule.of("0 9 * * 1", "Europe/Berlin", FIVE_MINUTES, SUNDAY);
    assertThat(berlin.next(SUNDAY)).hasValue(Instant.parse("2026-12-07T08:00:00Z"));
    assertThat(berlin.next(Instant.parse("2026-12-07T08:00:00Z")))
        .hasValue(Instant.parse("2026-12-14T08:00:00Z"));
  }

  @Test
  void anExpressionThatIsInvalidOrFiresTooOftenIsRefusedWithTheReason() {
    for (String cron :
        new String[] {
          "not a cron",
          "61 * * * *",
          "* * * *",
          "",
          " ",
          "*/0 * * * *",
          "L W # ? *",
          "5/ * * * *",
          "1-",
          "\u00e9 * * * *",
          "* * * * * * * *",
          "0 0 31 2 *"
        }) {
      assertThatThrownBy(() -> Schedule.of(cron, "UTC", FIVE_MINUTES, SUNDAY))
          .isInstanceOfSatisfying(
              Rejection.class, r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.UNPROCESSABLE))
          .hasMessageContaining(cron.equals("0 0 31 2 *") ? "never fires" : "not valid");
    }
    // a burst hidden among hourly firings counts as much as a steady one
    for (String cron : new String[] {"* * * * *", "*/4 * * * *", "0,3 * * * *"}) {
      assertThatThrownBy(() -> Schedule.of(cron, "UTC", FIVE_MINUTES, SUNDAY))
          .hasMessageContaining("minimum interval");
    }
    assertThat(Schedule.of("*/5 * * * *", "UTC", FIVE_MINUTES, SUNDAY).next(SUNDAY))
        .hasValue(Instant.parse("2026-12-06T23:35:00Z"));
    assertThatThrownBy(() -> Schedule.of("0 9 * * 1", "Mars/Olympus", FIVE_MINUTES, SUNDAY))
        .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).hasValue("timeZone"));
  }
}
