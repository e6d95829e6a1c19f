package io.protohive.kernel.health;

import io.protohive.kernel.platform.PlatformRuntime;
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

  @Inject PlatformRuntime runtime;

  @Override
  public HealthCheckResponse call() {
    PluginHost host = runtime.pluginHost();
    boolean up = host != null && host.isRunning();
    return HealthCheckResponse.named("plugin-host")
        .status(up)
        .withData("plugins", up ? host.plugins().size() : 0)
        .build();
  }
}
