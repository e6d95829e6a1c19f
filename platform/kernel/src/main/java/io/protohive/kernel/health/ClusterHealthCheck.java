package io.protohive.kernel.health;

import io.protohive.kernel.cluster.ClusterMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when this node's Hazelcast member runs; reports the cluster's size. */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

  @Inject ClusterMember cluster;

  @Override
  public HealthCheckResponse call() {
    boolean up = cluster.isRunning();
    return HealthCheckResponse.named("hazelcast")
        .status(up)
        .withData("members", up ? cluster.clusterSize() : 0)
        .build();
  }
}
