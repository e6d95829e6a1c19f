package io.protohive.kernel.health;

import io.protohive.pluginhost.PluginHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the OSGi framework runs; a plugin that failed to start does not make it unready. */
@Readiness
@ApplicationScoped
public class PluginHostHealthCheck implements HealthCheck {

  @Inject PluginHost pluginHost;

  @Override
  public HealthCheckResponse call() {
    boolean up = pluginHost.isRunning();
    return HealthCheckResponse.named("plugin-host")
        .status(up)
        .withData("plugins", up ? pluginHost.plugins().size() : 0)
        .build();
  }
}
