package io.protohive.kernel.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.observability.PlatformMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Starts and stops this node's {@link ClusterMember} when the platform does, and hands the running
 * member, and its {@link HazelcastInstance}, to every bean that injects them. Dependent scope,
 * because the member is final and not proxyable: a bean receives it when it is created, which is
 * after start-up for every bean that uses the cluster.
 */
@ApplicationScoped
public class ClusterMemberProducer {

  @Inject PlatformMetrics metrics;

  private volatile ClusterMember member;

  /** Starts the member; see {@link ClusterMember#start}. */
  public void start(int port, List<String> members, Optional<String> bindTo) {
    ClusterMember started = ClusterMember.start(port, members, bindTo);
    member = started;
    metrics.clusterMembers(() -> started.isRunning() ? started.clusterSize() : 0);
  }

  /** Leaves the cluster; nothing happens when the member never started. */
  public void stop() {
    ClusterMember running = member;
    member = null;
    if (running != null) {
      running.close();
    }
  }

  @Produces
  ClusterMember clusterMember() {
    ClusterMember running = member;
    if (running == null) {
      throw new IllegalStateException("The cluster member starts with the platform");
    }
    return running;
  }

  @Produces
  HazelcastInstance hazelcast() {
    return clusterMember().hazelcast();
  }
}
