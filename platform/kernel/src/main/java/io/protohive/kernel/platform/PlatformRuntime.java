package io.protohive.kernel.platform;

import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.database.ApplicationRole;
import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.EmbeddedDatabase;
import io.protohive.kernel.identity.PlatformAdminBootstrap;
import io.protohive.kernel.identity.token.SigningKeys;
import io.protohive.kernel.job.JobWorkers;
import io.protohive.kernel.plugin.AcceptedCapabilities;
import io.protohive.kernel.plugin.PluginClusterSync;
import io.protohive.kernel.plugin.PluginInstaller;
import io.protohive.kernel.plugin.TrustedPublishers;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.secret.SecretsKey;
import io.protohive.kernel.tenancy.InvalidTenantsConfigException;
import io.protohive.kernel.tenancy.TenantDefinition;
import io.protohive.kernel.tenancy.TenantsConfigReader;
import io.protohive.kernel.tenancy.TenantsConfigWatcher;
import io.protohive.plugin.api.HostPattern;
import io.protohive.pluginhost.BundleArchive;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginHostFailure;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * tenants (checked against the plugin host's plugins, so after it), first admin. A failure stops
 * start-up with one line naming what and where.
 */
@ApplicationScoped
public class PlatformRuntime {

  private static final Logger LOG = Logger.getLogger(PlatformRuntime.class.getName());
  static final String FRAMEWORK_BUNDLES = "/WEB-INF/osgi/framework/";
  static final String BUNDLED_PLUGINS = "/WEB-INF/osgi/plugins/";
  static final String BUILT_IN_PUBLISHERS = "/WEB-INF/osgi/trusted/";

  @Inject PlatformSettings settings;
  @Inject TenantsConfigWatcher tenantsConfig;
  @Inject PlatformAdminBootstrap adminBootstrap;
  @Inject SigningKeys signingKeys;
  @Inject TrustedPublishers publishers;
  @Inject PluginInstaller pluginInstaller;
  @Inject PluginClusterSync pluginClusterSync;
  @Inject AcceptedCapabilities acceptedCapabilities;
  @Inject JobWorkers jobWorkers;
  @Inject DatabaseScope scope;

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  private EmbeddedDatabase embeddedDatabase;
  private ClusterMember cluster;
  private PluginHost pluginHost;
  private SecretBox secrets;

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
    DataSource owner = ownerDataSource();
    DatabaseMigrations.migrate(owner, settings.databaseAddress(), settings.databaseUser());
    scope.readKey(owner);
    ApplicationRole.requireUnprivileged(dataSource);
    secrets = SecretsKey.load(settings.secretsKey(), dataDir);
    cluster = ClusterMember.start(settings.hazelcastPort(), settings.hazelcastMembers());
    startPluginHost(context, dataDir);
    try {
      tenantsConfig.start(settings.tenantsDir(), tenants);
    } catch (InvalidTenantsConfigException e) {
      throw new StartupFailure(e.getMessage());
    }
    signingKeys.ensureKey();
    signingKeys.rotateIfOlderThan(settings.signingKeyMaxAge());
    adminBootstrap.ensureAdmin(settings.adminEmail(), settings.adminPassword(), dataDir);
    jobWorkers.start();
  }

  private void startPluginHost(ServletContext context, Path dataDir) {
    publishers.setBuiltIn(
        bundles(context, BUILT_IN_PUBLISHERS).stream().map(b -> read(b.url())).toList());
    publishers.reload();
    acceptedCapabilities.reload();
    List<HostPattern> privateHosts;
    try {
      privateHosts = settings.pluginPrivateHosts();
    } catch (IllegalArgumentException e) {
      throw new StartupFailure(
          PluginNetwork.PRIVATE_HOSTS_SETTING + " names '" + e.getMessage() + "', not a host");
    }
    try {
      pluginHost =
          PluginHost.start(
              new PluginHost.Settings(
                  bundles(context, FRAMEWORK_BUNDLES),
                  settings.pluginsDir(),
                  dataDir.resolve("plugin-host"),
                  publishers,
                  acceptedCapabilities,
                  privateHosts,
                  settings.toolCallLimits(),
                  settings.modelCallLimits()),
              bundles(context, BUNDLED_PLUGINS));
    } catch (PluginHostFailure e) {
      throw new StartupFailure(e.getMessage());
    }
    pluginInstaller.synchronize();
    pluginClusterSync.listen();
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StartupFailure("built-in publisher certificate " + url + " is unreadable");
    }
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
    for (String path :
        paths.stream().filter(p -> p.endsWith(".jar") || p.endsWith(".pem")).sorted().toList()) {
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
    jobWorkers.stop();
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

  /** Seals and opens the secrets the platform stores. */
  public SecretBox secrets() {
    return secrets;
  }

  public ClusterMember cluster() {
    return cluster;
  }

  public DataSource dataSource() {
    return dataSource;
  }
}
