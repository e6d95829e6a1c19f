package io.protohive.bench;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.protohive.kernel.ratelimit.RateLimit;
import io.protohive.kernel.ratelimit.RateLimitDecision;
import io.protohive.kernel.ratelimit.RateLimiter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What rate limiting adds to an authenticated request: a take from the person's and the tenant's
 * buckets in Hazelcast, against the baseline of reading two entries of a map of the same member.
 * Limits are high enough that nothing is refused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateLimitBenchmark {

  private static final RateLimit PERSON = RateLimit.perMinute("user", 1_000_000_000);
  private static final RateLimit TENANT = RateLimit.perMinute("tenant", 1_000_000_000);

  private HazelcastInstance member;
  private RateLimiter limiter;
  private IMap<String, byte[]> plain;

  @Setup
  public void start() {
    Config config = new Config().setClusterName("bench-" + System.nanoTime());
    config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    member = Hazelcast.newHazelcastInstance(config);
    limiter = new RateLimiter(member);
    plain = member.getMap("plain");
    plain.set("person", new byte[64]);
    plain.set("tenant", new byte[64]);
  }

  @TearDown
  public void stop() {
    member.shutdown();
  }

  @Benchmark
  public Object twoMapReads() {
    return new Object[] {plain.get("person"), plain.get("tenant")};
  }

  @Benchmark
  public Object personAndTenantBuckets() {
    RateLimitDecision person = limiter.take("person", PERSON);
    RateLimitDecision tenant = limiter.take("tenant", TENANT);
    return new Object[] {person, tenant};
  }
}
