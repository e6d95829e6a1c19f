package io.protohive.kernel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.bucket4j.TimeMeter;
import io.protohive.kernel.cluster.ClusterMember;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against two real Hazelcast members forming one cluster, with a clock the test moves. */
class RateLimiterTest {

  private static final List<String> MEMBERS = List.of("127.0.0.1:5921", "127.0.0.1:5922");
  private static ClusterMember first;
  private static ClusterMember second;

  private final ManualClock clock = new ManualClock();

  @BeforeAll
  static void startCluster() {
    first = ClusterMember.start(5921, MEMBERS);
    second = ClusterMember.start(5922, MEMBERS);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> first.clusterSize() == 2 && second.clusterSize() == 2);
  }

  @AfterAll
  static void stopCluster() {
    second.close();
    first.close();
  }

  @Test
  void theRequestAfterTheQuotaIsRefusedUntilATokenIsBack() {
    RateLimiter limiter = new RateLimiter(first.hazelcast(), clock);
    RateLimit limit = RateLimit.perMinute("user", 3);
    String key = unique("quota");

    assertThat(limiter.take(key, limit).remaining()).isEqualTo(2);
    assertThat(limiter.take(key, limit).remaining()).isEqualTo(1);
    RateLimitDecision last = limiter.take(key, limit);
    assertThat(last.allowed()).isTrue();
    assertThat(last.remaining()).isZero();
    assertThat(last.reset()).isEqualTo(Duration.ofMinutes(1));

    RateLimitDecision refused = limiter.take(key, limit);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    // three a minute refill one token every twenty seconds
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));

    clock.advance(Duration.ofSeconds(19));
    assertThat(limiter.take(key, limit).allowed()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.take(key, limit).allowed()).isTrue();
    assertThat(limiter.take(key, limit).allowed()).isFalse();
  }

  @Test
  void keysHaveBucketsOfTheirOwn() {
    RateLimiter limiter = new RateLimiter(first.hazelcast(), clock);
    RateLimit limit = RateLimit.perMinute("address", 1);
    String spent = unique("spent");
    limiter.take(spent, limit);

    assertThat(limiter.take(spent, limit).allowed()).isFalse();
    assertThat(limiter.take(unique("other"), limit).allowed()).isTrue();
  }

  @Test
  void twoMembersShareOneLimit() {
    RateLimiter onFirst = new RateLimiter(first.hazelcast(), clock);
    RateLimiter onSecond = new RateLimiter(second.hazelcast(), clock);
    RateLimit limit = RateLimit.perMinute("tenant", 4);
    String key = unique("shared");

    onFirst.take(key, limit);
    onSecond.take(key, limit);
    onFirst.take(key, limit);
    assertThat(onSecond.take(key, limit).remaining()).isZero();

    assertThat(onFirst.take(key, limit).allowed()).isFalse();
    assertThat(onSecond.take(key, limit).allowed()).isFalse();
  }

  @Test
  void aChangedLimitStartsAFreshBucket() {
    RateLimiter limiter = new RateLimiter(first.hazelcast(), clock);
    String key = unique("changed");
    limiter.take(key, RateLimit.perMinute("llm", 1));

    RateLimitDecision raised = limiter.take(key, RateLimit.perMinute("llm", 5));

    assertThat(raised.allowed()).isTrue();
    assertThat(raised.remaining()).isEqualTo(4);
  }

  @Test
  void idleBucketsLeaveTheClusterAfterTheirWindowIsLongFull() {
    int maxIdle = first.hazelcast().getConfig().getMapConfig(RateLimiter.MAP).getMaxIdleSeconds();

    assertThat(maxIdle).isPositive();
    assertThat(Duration.ofSeconds(maxIdle)).isGreaterThan(Duration.ofMinutes(1));
  }

  private static String unique(String name) {
    return name + "-" + System.nanoTime();
  }

  /** Wall-clock time that moves only when told. */
  private static final class ManualClock implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong(System.currentTimeMillis() * 1_000_000);

    void advance(Duration by) {
      nanos.addAndGet(by.toNanos());
    }

    @Override
    public long currentTimeNanos() {
      return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
