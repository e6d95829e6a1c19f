package io.protohive.bench;

import com.hazelcast.map.IMap;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.identity.AccountStandings;
import java.util.List;
import java.util.UUID;
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
 * What the per-request session check reads: an account's standing from the cluster-wide map,
 * configured as the platform's own member configures it (a near cache on every node). The baseline
 * is the same read from a map of the same member without a near cache, which is what every request
 * would pay if the standing were not kept on each node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SessionCheckBenchmark {

  private static final int PORT = 5951;

  private ClusterMember member;
  private IMap<UUID, Object> standings;
  private IMap<UUID, Object> plain;
  private final UUID account = UUID.randomUUID();

  @Setup
  public void start() {
    member = ClusterMember.start(PORT, List.of());
    standings = member.hazelcast().getMap(AccountStandings.MAP);
    plain = member.hazelcast().getMap("plain");
    // a signed entry as the platform writes one: standing, until when, signature
    String entry = "14/1800000000~" + "s".repeat(43);
    standings.set(account, entry);
    plain.set(account, entry);
  }

  @TearDown
  public void stop() {
    member.close();
  }

  @Benchmark
  public Object mapReadWithoutNearCache() {
    return plain.get(account);
  }

  @Benchmark
  public Object standingFromNearCache() {
    return standings.get(account);
  }
}
