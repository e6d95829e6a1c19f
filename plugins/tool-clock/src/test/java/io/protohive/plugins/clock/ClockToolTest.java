package io.protohive.plugins.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClockToolTest {

  private final ClockTool tool =
      new ClockTool(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));
  private final ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

  @Test
  void answersInUtcWithoutZone() {
    assertThat(tool.invoke(Map.of(), context).content()).isEqualTo("2026-03-01T12:00:00Z");
  }

  @Test
  void answersInTheRequestedZone() {
    assertThat(tool.invoke(Map.of("zone", "Asia/Tokyo"), context).content())
        .isEqualTo("2026-03-01T21:00:00+09:00");
  }

  @Test
  void explainsAnUnknownZoneAsAToolError() {
    ToolResult result = tool.invoke(Map.of("zone", "Mars/Olympus"), context);
    assertThat(result.isError()).isTrue();
    assertThat(result.content()).contains("Unknown time zone 'Mars/Olympus'");
  }
}
