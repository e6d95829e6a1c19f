package io.protohive.plugins.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClockToolTest {

  private final ClockTool tool =
      new ClockTool(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void answersInUtcWithoutZone() {
    assertThat(tool.invoke(Map.of())).isEqualTo("2026-03-01T12:00:00Z");
  }

  @Test
  void answersInTheRequestedZone() {
    assertThat(tool.invoke(Map.of("zone", "Asia/Tokyo"))).isEqualTo("2026-03-01T21:00:00+09:00");
  }

  @Test
  void explainsAnUnknownZone() {
    assertThat(tool.invoke(Map.of("zone", "Mars/Olympus")))
        .contains("Unknown time zone 'Mars/Olympus'");
  }
}
