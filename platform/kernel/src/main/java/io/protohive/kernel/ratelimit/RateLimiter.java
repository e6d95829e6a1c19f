package io.protohive.kernel.ratelimit;

import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import java.time.Duration;

/**
 * Token buckets shared by every node of the cluster, kept in a Hazelcast map. A request takes from
 * its bucket in one operation run on the member that keeps the bucket (an entry processor): a
 * compare-and-swap from every node at once on the same busy bucket (one person's, one tenant's)
 * would retry, each try a round trip. The map drops a bucket left idle for longer than its window
 * (see {@code ClusterMember}).
 */
public final class RateLimiter {

  /** The map of buckets; its entries expire when idle. */
  public static final String MAP = "protohive.ratelimit.buckets";

  private final ProxyManager<String> buckets;

  public RateLimiter(HazelcastInstance hazelcast) {
    this(hazelcast, TimeMeter.SYSTEM_MILLISECONDS);
  }

  RateLimiter(HazelcastInstance hazelcast, TimeMeter clock) {
    this.buckets =
        Bucket4jHazelcast.<String>entryProcessorBasedBuilder(hazelcast.getMap(MAP))
            .clientClock(clock)
            .build();
  }

  /**
   * Takes one request from {@code key}'s bucket under {@code limit}. A key's bucket is its limit's
   * too: when a limit changes, the key starts a fresh bucket under the new one.
   */
  public RateLimitDecision take(String key, RateLimit limit) {
    ConsumptionProbe probe =
        buckets
            .getProxy(bucketKey(key, limit), () -> configuration(limit))
            .tryConsumeAndReturnRemaining(1);
    return new RateLimitDecision(
        limit,
        probe.isConsumed(),
        probe.getRemainingTokens(),
        Duration.ofNanos(probe.getNanosToWaitForReset()),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static String bucketKey(String key, RateLimit limit) {
    return limit.policy() + ":" + key + ":" + limit.quota() + "/" + limit.window();
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(l -> l.capacity(limit.quota()).refillGreedy(limit.quota(), limit.window()))
        .build();
  }
}
