package io.protohive.kernel.system;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.PlatformVersion;
import io.protohive.kernel.plugin.PluginView;
import io.protohive.kernel.provisioning.TenantsConfigWatcher;
import io.protohive.pluginhost.PluginHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the platform's state from the database and the running services. */
@ApplicationScoped
public class SystemInfoService {

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  @Inject PluginHost pluginHost;
  @Inject ClusterMember cluster;
  @Inject PlatformSettings settings;
  @Inject Authorization authorization;
  @Inject TenantsConfigWatcher tenantsConfig;
  @Inject @Readiness Instance<HealthCheck> readiness;

  /** The version, and whether the platform is ready by the same checks as {@code /health/ready}. */
  public SystemStatus status() {
    boolean up =
        readiness.stream()
            .allMatch(check -> check.call().getStatus() == HealthCheckResponse.Status.UP);
    return new SystemStatus(PlatformVersion.current(), up ? "UP" : "DOWN");
  }

  /** Everything about the platform, for a platform admin. */
  @Transactional
  @AsPlatform
  public SystemInfo current(Caller caller) {
    authorization.platformAdmin(caller);
    Installation installation =
        entityManager
            .createQuery("select i from Installation i", Installation.class)
            .getSingleResult();
    long tenants =
        entityManager.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
    String schemaVersion =
        (String)
            entityManager.createNativeQuery("select protohive_schema_version()").getSingleResult();
    List<PluginView> plugins = pluginHost.plugins().stream().map(PluginView::of).toList();
    return new SystemInfo(
        PlatformVersion.current(),
        settings.databaseMode().name().toLowerCase(Locale.ROOT),
        installation.id(),
        installation.installedAt(),
        schemaVersion,
        tenants,
        cluster.clusterSize(),
        SystemInfo.PluginCounts.of(plugins),
        plugins,
        tenantsConfig.status());
  }
}
