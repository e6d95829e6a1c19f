package io.protohive.kernel.health;

import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.platform.PlatformRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when this node's Hazelcast member runs; reports the cluster's size. */
@Readiness
@ApplicationScoped
public class ClusterHealthCheck implements HealthCheck {

  @Inject PlatformRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    ClusterMember cluster = runtime.cluster();
    boolean up = cluster != null && cluster.isRunning();
    return HealthCheckResponse.named("hazelcast")
        .status(up)
        .withData("members", up ? cluster.clusterSize() : 0)
        .build();
  }
}
