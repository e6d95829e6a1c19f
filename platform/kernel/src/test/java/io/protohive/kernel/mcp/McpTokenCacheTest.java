package io.protohive.kernel.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class McpTokenCacheTest {

  private final MovingClock clock = new MovingClock();
  private final McpTokenCache cache = new McpTokenCache(clock);
  private final AtomicInteger fetched = new AtomicInteger();
  private final UUID server = UUID.randomUUID();

  @Test
  void aTokenIsKeptUntilShortlyBeforeItExpires() {
    assertThat(token(Duration.ofMinutes(10))).isEqualTo("token-1");
    clock.pass(Duration.ofMinutes(10).minus(McpTokenCache.MARGIN).minusSeconds(1));
    assertThat(token(Duration.ofMinutes(10))).isEqualTo("token-1");
    clock.pass(Duration.ofSeconds(1));
    assertThat(token(Duration.ofMinutes(10)))
        .as("within the margin of its end")
        .isEqualTo("token-2");
  }

  @Test
  void aForgottenTokenIsFetchedAgain() {
    token(Duration.ofHours(1));
    cache.forget(server);
    assertThat(token(Duration.ofHours(1))).isEqualTo("token-2");
  }

  @Test
  void eachServerHasItsOwnToken() {
    token(Duration.ofHours(1));
    assertThat(cache.token(UUID.randomUUID(), () -> issued(Duration.ofHours(1))))
        .isEqualTo("token-2");
    assertThat(token(Duration.ofHours(1))).isEqualTo("token-1");
  }

  @Test
  void aTokenShorterLivedThanTheMarginServesOneCallOnly() {
    token(Duration.ofSeconds(20));
    assertThat(token(Duration.ofSeconds(20))).isEqualTo("token-2");
  }

  @Test
  void aTokenOfUnsaidLifetimeIsKeptForAWhile() {
    token(null);
    clock.pass(McpTokenCache.UNSAID_LIFETIME.minus(McpTokenCache.MARGIN).minusSeconds(1));
    assertThat(token(null)).isEqualTo("token-1");
    clock.pass(McpTokenCache.MARGIN);
    assertThat(token(null)).isEqualTo("token-2");
  }

  private String token(Duration expiresIn) {
    return cache.token(server, () -> issued(expiresIn));
  }

  private McpTokenCache.Issued issued(Duration expiresIn) {
    return new McpTokenCache.Issued("token-" + fetched.incrementAndGet(), expiresIn);
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void pass(Duration time) {
      now = now.plus(time);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
