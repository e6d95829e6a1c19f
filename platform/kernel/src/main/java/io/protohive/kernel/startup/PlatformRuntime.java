package io.protohive.kernel.startup;

import io.protohive.kernel.cluster.ClusterMemberProducer;
import io.protohive.kernel.database.ApplicationRole;
import io.protohive.kernel.database.DatabaseMigrations;
import io.protohive.kernel.database.EmbeddedDatabase;
import io.protohive.kernel.identity.PlatformAdminBootstrap;
import io.protohive.kernel.identity.token.SigningKeys;
import io.protohive.kernel.job.JobWorkers;
import io.protohive.kernel.llm.CallSettlements;
import io.protohive.kernel.platform.DataFolder;
import io.protohive.kernel.platform.DatabaseMode;
import io.protohive.kernel.platform.DatabaseScope;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.PlatformVersion;
import io.protohive.kernel.platform.StartupFailure;
import io.protohive.kernel.plugin.PluginHostProducer;
import io.protohive.kernel.privacy.ClearValueSweep;
import io.protohive.kernel.provisioning.InvalidTenantsConfigException;
import io.protohive.kernel.provisioning.TenantDefinition;
import io.protohive.kernel.provisioning.TenantsConfigReader;
import io.protohive.kernel.provisioning.TenantsConfigWatcher;
import io.protohive.kernel.retention.RetentionSweep;
import io.protohive.kernel.routine.RoutineScheduler;
import io.protohive.kernel.secret.SecretBoxProducer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Starts the platform's services in order when the application starts, and stops them in reverse
 * when it stops: data folder, database and migrations, cluster member, plugin host, declared
 * tenants (checked against the plugin host's plugins, so after it), first admin. A failure stops
 * start-up with one line naming what and where. The secret box, the cluster member and the plugin
 * host are held by their producers, which hand them to the beans that inject them; this class is
 * the composition root and offers nothing to call.
 */
@ApplicationScoped
public class PlatformRuntime {

  private static final Logger LOG = Logger.getLogger(PlatformRuntime.class.getName());

  @Inject PlatformSettings settings;
  @Inject TenantsConfigWatcher tenantsConfig;
  @Inject PlatformAdminBootstrap adminBootstrap;
  @Inject SigningKeys signingKeys;
  @Inject SecretBoxProducer secrets;
  @Inject ClusterMemberProducer cluster;
  @Inject PluginHostProducer pluginHost;
  @Inject JobWorkers jobWorkers;
  @Inject RoutineScheduler routineScheduler;
  @Inject RetentionSweep retentionSweep;
  @Inject ClearValueSweep clearValueSweep;
  @Inject CallSettlements settlements;
  @Inject DatabaseScope scope;

  @Resource(lookup = "jdbc/protohive")
  DataSource dataSource;

  private EmbeddedDatabase embeddedDatabase;

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
    secrets.open(settings.secretsKey(), dataDir);
    cluster.start(
        settings.hazelcastPort(), settings.hazelcastMembers(), settings.hazelcastInterface());
    pluginHost.start(context, dataDir);
    try {
      tenantsConfig.start(settings.tenantsDir(), tenants);
    } catch (InvalidTenantsConfigException e) {
      throw new StartupFailure(e.getMessage());
    }
    signingKeys.ensureKey();
    signingKeys.rotateIfOlderThan(settings.signingKeyMaxAge());
    adminBootstrap.ensureAdmin(settings.adminEmail(), settings.adminPassword(), dataDir);
    jobWorkers.start();
    retentionSweep.ensureQueued();
    clearValueSweep.queue();
    routineScheduler.start();
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

  private void stop() {
    routineScheduler.stop();
    jobWorkers.stop();
    tenantsConfig.stop();
    pluginHost.stop();
    // what the last model calls used is written while the database is still there
    settlements.writeQueued();
    cluster.stop();
    if (embeddedDatabase != null) {
      embeddedDatabase.close();
      embeddedDatabase = null;
    }
  }
}
