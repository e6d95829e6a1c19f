package io.protohive.kernel.platform;

import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.database.ApplicationRole;
import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.EmbeddedDatabase;
import io.protohive.kernel.identity.PlatformAdminBootstrap;
import io.protohive.kernel.identity.token.SigningKeys;
import io.protohive.kernel.plugin.BundleArchive;
import io.protohive.kernel.plugin.PluginHost;
import io.protohive.kernel.tenancy.InvalidTenantsConfigException;
import io.protohive.kernel.tenancy.TenantDefinition;
import io.protohive.kernel.tenancy.TenantsConfigReader;
import io.protohive.kernel.tenancy.TenantsConfigWatcher;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Starts the platform's services in order when the application starts, and stops them in reverse
 * when it stops: data folder, database and migrations, cluster member, plugin host, declared
 * tenants, first admin. A failure stops start-up with one line naming what and where.
 */
@ApplicationScoped
public class PlatformRuntime {

  private static final Logger LOG = Logger.getLogger(PlatformRuntime.class.getName());
  static final String FRAMEWORK_BUNDLES = "/WEB-INF/osgi/framework/";
  static final String BUNDLED_PLUGINS = "/WEB-INF/osgi/plugins/";

  @Inject PlatformSettings settings;
  @Inject TenantsConfigWatcher tenantsConfig;
  @Inject PlatformAdminBootstrap adminBootstrap;
  @Inject SigningKeys signingKeys;

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  private EmbeddedDatabase embeddedDatabase;
  private ClusterMember cluster;
  private PluginHost pluginHost;

  void onStart(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    long started = System.nanoTime();
    try {
      start(context);
    } catch (StartupFailure e) {
      LOG.severe("ProtoHive cannot start: " + e.getMessage());
      stop();
      throw e;
    } catch (RuntimeException e) {
      // whatever failed, leave no database or cluster member running behind
      LOG.log(Level.SEVERE, "ProtoHive cannot start: " + e, e);
      stop();
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        () ->
            "ProtoHive "
                + PlatformVersion.current()
                + " started in "
                + took.toMillis()
                + " ms ("
                + settings.databaseMode().name().toLowerCase()
                + " database, data in "
                + settings.dataDir()
                + ")");
  }

  void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext context) {
    stop();
  }

  private void start(ServletContext context) {
    Path dataDir = DataFolder.prepare(settings.dataDir());
    // validated before anything starts, so a broken file costs no database start
    List<TenantDefinition> tenants = readTenants();
    if (settings.databaseMode() == DatabaseMode.EMBEDDED) {
      embeddedDatabase =
          EmbeddedDatabase.start(dataDir.resolve("postgres"), settings.embeddedDatabasePort());
    }
    DatabaseMigrations.migrate(
        ownerDataSource(), settings.databaseAddress(), settings.databaseUser());
    ApplicationRole.requireUnprivileged(dataSource);
    cluster = ClusterMember.start(settings.hazelcastPort(), settings.hazelcastMembers());
    pluginHost =
        PluginHost.start(
            bundles(context, FRAMEWORK_BUNDLES),
            bundles(context, BUNDLED_PLUGINS),
            settings.pluginsDir(),
            dataDir.resolve("felix-cache"));
    tenantsConfig.start(settings.tenantsDir(), tenants);
    signingKeys.ensureKey();
    signingKeys.rotateIfOlderThan(settings.signingKeyMaxAge());
    adminBootstrap.ensureAdmin(settings.adminEmail(), settings.adminPassword(), dataDir);
  }

  private DataSource ownerDataSource() {
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setUrl(settings.databaseUrl());
    owner.setUser(settings.databaseOwner());
    owner.setPassword(settings.databaseOwnerPassword());
    return owner;
  }

  private List<TenantDefinition> readTenants() {
    try {
      return new TenantsConfigReader().read(settings.tenantsDir());
    } catch (InvalidTenantsConfigException e) {
      throw new StartupFailure(e.getMessage());
    }
  }

  private static List<BundleArchive> bundles(ServletContext context, String folder) {
    Set<String> paths = context.getResourcePaths(folder);
    List<BundleArchive> archives = new ArrayList<>();
    if (paths == null) {
      return archives;
    }
    for (String path : paths.stream().filter(p -> p.endsWith(".jar")).sorted().toList()) {
      try {
        archives.add(
            new BundleArchive(
                path.substring(path.lastIndexOf('/') + 1), context.getResource(path)));
      } catch (MalformedURLException e) {
        throw new StartupFailure("bundle " + path + " in the application is unreadable");
      }
    }
    return archives;
  }

  private void stop() {
    tenantsConfig.stop();
    if (pluginHost != null) {
      pluginHost.close();
      pluginHost = null;
    }
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
    if (embeddedDatabase != null) {
      embeddedDatabase.close();
      embeddedDatabase = null;
    }
  }

  public DatabaseMode databaseMode() {
    return settings.databaseMode();
  }

  public PluginHost pluginHost() {
    return pluginHost;
  }

  public ClusterMember cluster() {
    return cluster;
  }

  public DataSource dataSource() {
    return dataSource;
  }
}
