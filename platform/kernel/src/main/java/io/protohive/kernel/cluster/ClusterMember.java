package io.protohive.kernel.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import io.protohive.kernel.identity.AccountStandings;
import io.protohive.kernel.platform.StartupFailure;
import io.protohive.kernel.ratelimit.RateLimiter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * This node's Hazelcast member, which carries cache, sessions and events between nodes. Alone it
 * forms a cluster of one; given member addresses it joins them over TCP/IP.
 */
public final class ClusterMember implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ClusterMember.class.getName());
  public static final String CLUSTER_NAME = "protohive";

  private static final Optional<String> LOOPBACK = Optional.of("127.0.0.1");

  /**
   * Longer than any rate limit window (a minute): a bucket idle for that long is full again, so
   * dropping it loses nothing.
   */
  static final int RATE_LIMIT_BUCKET_MAX_IDLE_SECONDS = 600;

  /** The first of the serializer type ids Bucket4j's entry processors take (it takes a few). */
  static final int RATE_LIMIT_SERIALIZER_IDS = 1000;

  private final HazelcastInstance hazelcast;

  private ClusterMember(HazelcastInstance hazelcast) {
    this.hazelcast = hazelcast;
  }

  /**
   * Starts a member listening on {@code port} (or the next free one) of loopback, for a cluster of
   * one or of members on one machine.
   */
  public static ClusterMember start(int port, List<String> members) {
    return start(port, members, Optional.empty());
  }

  /**
   * Starts a member listening on {@code port} (or the next free one).
   *
   * @param members addresses of other nodes to join; empty for a cluster of one
   * @param bindTo the only address the member listens on and is known by; without one, a member
   *     joining others listens on every address, and one alone on loopback only
   */
  public static ClusterMember start(int port, List<String> members, Optional<String> bindTo) {
    try {
      return new ClusterMember(Hazelcast.newHazelcastInstance(config(port, members, bindTo)));
    } catch (HazelcastException | IllegalStateException e) {
      throw new StartupFailure(
          "Hazelcast member on port " + port + " did not start: " + e.getMessage());
    }
  }

  static Config config(int port, List<String> members, Optional<String> bindTo) {
    Config config = new Config();
    config.setClusterName(CLUSTER_NAME);
    config.setInstanceName("protohive-" + port + "-" + ProcessHandle.current().pid());
    // an on-prem platform never phones home
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // whoever reaches the cluster may write an object of any class where a node reads it: Java
    // serialization is limited to Hazelcast's and the JDK's classes (the filter's defaults), so
    // no other class's code runs when a value is read
    config
        .getSerializationConfig()
        .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig());
    // a rate limit's bucket is updated where it is kept, by Bucket4j's entry processor, which
    // travels in Bucket4j's own format rather than Java serialization
    HazelcastProxyManager.addCustomSerializers(
        config.getSerializationConfig(), RATE_LIMIT_SERIALIZER_IDS);
    // account standings are read on every request: each node keeps a copy, dropped at once
    // (not in a batch some seconds later) when the standing changes anywhere
    config.setProperty("hazelcast.map.invalidation.batch.enabled", "false");
    config.addMapConfig(
        new MapConfig(AccountStandings.MAP)
            .setNearCacheConfig(
                new NearCacheConfig(AccountStandings.MAP)
                    .setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setCacheLocalEntries(true)));
    config.addMapConfig(
        new MapConfig(RateLimiter.MAP).setMaxIdleSeconds(RATE_LIMIT_BUCKET_MAX_IDLE_SECONDS));
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(port).setPortAutoIncrement(true);
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(!members.isEmpty()).setMembers(members);
    Optional<String> address = bindTo.or(() -> members.isEmpty() ? LOOPBACK : Optional.empty());
    if (address.isPresent()) {
      network.getInterfaces().setEnabled(true).addInterface(address.get());
      // the interface alone only chooses the address announced; without this the member listens
      // on every address of the machine
      config.setProperty("hazelcast.socket.bind.any", "false");
    } else {
      LOG.warning(
          "The Hazelcast member listens on every address: set protohive.hazelcast.interface to the"
              + " address of the network that only the cluster's nodes reach");
    }
    return config;
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public boolean isRunning() {
    return hazelcast.getLifecycleService().isRunning();
  }

  public int clusterSize() {
    return hazelcast.getCluster().getMembers().size();
  }

  @Override
  public void close() {
    hazelcast.shutdown();
    LOG.info("Hazelcast member stopped");
  }
}
