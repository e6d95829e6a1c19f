package io.protohive.kernel.platform;

import io.protohive.plugin.api.HostPattern;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's configuration, read through MicroProfile Config: {@code server.xml} variables,
 * environment variables ({@code PROTOHIVE_DATA_DIR} for {@code protohive.data.dir}) and system
 * properties. The defaults are the embedded mode.
 */
@ApplicationScoped
public class PlatformSettings {

  @Inject
  @ConfigProperty(name = "protohive.data.dir", defaultValue = "data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "protohive.db.url")
  Optional<String> databaseUrl;

  @Inject
  @ConfigProperty(name = "protohive.db.user", defaultValue = "protohive_app")
  String databaseUser;

  @Inject
  @ConfigProperty(name = "protohive.db.owner.user", defaultValue = "postgres")
  String databaseOwner;

  @Inject
  @ConfigProperty(name = "protohive.db.owner.password")
  Optional<String> databaseOwnerPassword;

  @Inject
  @ConfigProperty(name = "protohive.db.embedded.port", defaultValue = "15432")
  int embeddedDatabasePort;

  @Inject
  @ConfigProperty(name = "protohive.hazelcast.port", defaultValue = "5701")
  int hazelcastPort;

  @Inject
  @ConfigProperty(name = "protohive.hazelcast.members")
  Optional<List<String>> hazelcastMembers;

  @Inject
  @ConfigProperty(name = "protohive.hazelcast.interface")
  Optional<String> hazelcastInterface;

  @Inject
  @ConfigProperty(name = "protohive.plugins.dir")
  Optional<String> pluginsDir;

  @Inject
  @ConfigProperty(name = "protohive.tenants.dir", defaultValue = "tenants-config")
  String tenantsDir;

  @Inject
  @ConfigProperty(name = "protohive.jwt.key.max-age", defaultValue = "P30D")
  Duration signingKeyMaxAge;

  @Inject
  @ConfigProperty(name = "protohive.public.url", defaultValue = "http://localhost:9080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "protohive.admin.email", defaultValue = "admin@protohive.local")
  String adminEmail;

  @Inject
  @ConfigProperty(name = "protohive.admin.password")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "protohive.secrets.key")
  Optional<String> secretsKey;

  @Inject
  @ConfigProperty(name = "protohive.plugins.allow-unsigned", defaultValue = "false")
  boolean pluginsAllowUnsigned;

  @Inject
  @ConfigProperty(name = "protohive.plugins.call-timeout", defaultValue = "PT30S")
  Duration pluginCallTimeout;

  @Inject
  @ConfigProperty(name = PluginNetwork.PRIVATE_HOSTS_SETTING)
  Optional<List<String>> pluginPrivateHosts;

  @Inject
  @ConfigProperty(name = "protohive.plugins.call-threads", defaultValue = "32")
  int pluginCallThreads;

  @Inject
  @ConfigProperty(name = "protohive.plugins.calls-per-plugin", defaultValue = "4")
  int pluginCallsPerPlugin;

  @Inject
  @ConfigProperty(name = "protohive.plugins.calls-per-tenant", defaultValue = "16")
  int pluginCallsPerTenant;

  @Inject
  @ConfigProperty(name = "protohive.llm.call-threads", defaultValue = "256")
  int llmCallThreads;

  @Inject
  @ConfigProperty(name = "protohive.llm.calls-per-plugin", defaultValue = "2000")
  int llmCallsPerPlugin;

  @Inject
  @ConfigProperty(name = "protohive.llm.calls-per-tenant", defaultValue = "1000")
  int llmCallsPerTenant;

  @Inject
  @ConfigProperty(name = "protohive.llm.call-timeout", defaultValue = "PT120S")
  Duration llmCallTimeout;

  @Inject
  @ConfigProperty(name = "protohive.llm.first-token-timeout", defaultValue = "PT30S")
  Duration llmFirstTokenTimeout;

  @Inject
  @ConfigProperty(name = "protohive.llm.attempts", defaultValue = "2")
  int llmAttempts;

  @Inject
  @ConfigProperty(name = "protohive.llm.circuit.open-for", defaultValue = "PT30S")
  Duration llmCircuitOpenFor;

  @Inject
  @ConfigProperty(name = "protohive.jobs.workers", defaultValue = "4")
  int jobWorkers;

  /**
   * Jobs started on this node that wait without a thread (turns whose model streams): what bounds
   * them is memory and the model calls' own limits per tenant and per provider, not threads.
   */
  @Inject
  @ConfigProperty(name = "protohive.jobs.waiting", defaultValue = "2000")
  int jobsWaiting;

  @Inject
  @ConfigProperty(name = "protohive.jobs.lease", defaultValue = "PT30S")
  Duration jobLease;

  /** How often each node looks for routines whose schedule is due: one indexed query. */
  @Inject
  @ConfigProperty(name = "protohive.routines.poll", defaultValue = "PT30S")
  Duration routinePoll;

  /** The shortest interval a routine's schedule may fire at, for every tenant. */
  @Inject
  @ConfigProperty(name = "protohive.routines.min-interval", defaultValue = "PT5M")
  Duration routineMinInterval;

  public Path dataDir() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }

  /** The embedded database's own address; a data source pointing there runs it in process. */
  public String embeddedDatabaseUrl() {
    return "jdbc:postgresql://127.0.0.1:" + embeddedDatabasePort + "/postgres";
  }

  public int embeddedDatabasePort() {
    return embeddedDatabasePort;
  }

  public DatabaseMode databaseMode() {
    return databaseUrl.filter(url -> !url.equals(embeddedDatabaseUrl())).isPresent()
        ? DatabaseMode.EXTERNAL
        : DatabaseMode.EMBEDDED;
  }

  public String databaseUrl() {
    return databaseUrl.orElse(embeddedDatabaseUrl());
  }

  /** The database's address without credentials, for messages to the operator. */
  public String databaseAddress() {
    return databaseUrl().replaceAll("\\?.*$", "");
  }

  /** The role the application connects as; row-level security applies to it. */
  public String databaseUser() {
    return databaseUser;
  }

  /** The role that owns the tables and runs the migrations. */
  public String databaseOwner() {
    return databaseOwner;
  }

  public String databaseOwnerPassword() {
    return databaseOwnerPassword.orElse("");
  }

  public int hazelcastPort() {
    return hazelcastPort;
  }

  public List<String> hazelcastMembers() {
    return hazelcastMembers.orElse(List.of());
  }

  /** The address the Hazelcast member binds to and is known by, when one is set. */
  public Optional<String> hazelcastInterface() {
    return hazelcastInterface.map(String::strip).filter(address -> !address.isEmpty());
  }

  public Path pluginsDir() {
    return pluginsDir.map(Path::of).orElse(dataDir().resolve("plugins")).toAbsolutePath();
  }

  public Path tenantsDir() {
    return Path.of(tenantsDir).toAbsolutePath().normalize();
  }

  /** Where people reach the platform, without a trailing slash; links in mail start here. */
  public String publicUrl() {
    return publicUrl.replaceAll("/+$", "");
  }

  /** How long a key signs access tokens before the platform rotates it (checked at start). */
  public Duration signingKeyMaxAge() {
    return signingKeyMaxAge;
  }

  public String adminEmail() {
    return adminEmail;
  }

  public Optional<String> adminPassword() {
    return adminPassword;
  }

  /** The key that encrypts secrets at rest, Base64 of 32 bytes, when configured. */
  public Optional<String> secretsKey() {
    return secretsKey;
  }

  /** Whether unsigned plugin bundles are installed: for development only. */
  public boolean pluginsAllowUnsigned() {
    return pluginsAllowUnsigned;
  }

  /** How long a tool call may take before the caller gets a timeout. */
  public Duration pluginCallTimeout() {
    return pluginCallTimeout;
  }

  /**
   * The hosts plugins may reach on loopback, private or link-local addresses, as the operator lists
   * them; none by default.
   *
   * @throws IllegalArgumentException naming an entry that is not a host pattern
   */
  public List<HostPattern> pluginPrivateHosts() {
    return pluginPrivateHosts.orElse(List.of()).stream()
        .filter(entry -> !entry.isBlank())
        .map(HostPattern::parse)
        .toList();
  }

  /** How many tool calls run at once: in all, per plugin and per tenant. */
  public PluginCalls.Limits toolCallLimits() {
    return new PluginCalls.Limits(pluginCallThreads, pluginCallsPerPlugin, pluginCallsPerTenant);
  }

  /**
   * How many model calls run at once: blocking calls in all (a stream holds a thread only while it
   * starts), and open calls, streams included, per provider plugin and per tenant.
   */
  public PluginCalls.Limits modelCallLimits() {
    return new PluginCalls.Limits(llmCallThreads, llmCallsPerPlugin, llmCallsPerTenant);
  }

  /** How long a model call may take in all, streaming included. */
  public Duration llmCallTimeout() {
    return llmCallTimeout;
  }

  /** How long a streamed call may wait for its first token before it counts as timed out. */
  public Duration llmFirstTokenTimeout() {
    return llmFirstTokenTimeout;
  }

  /** Attempts per route step on a retryable error before falling back to the next step. */
  public int llmAttempts() {
    return llmAttempts;
  }

  /** How long a provider's circuit stays open before it lets a trial call through. */
  public Duration llmCircuitOpenFor() {
    return llmCircuitOpenFor;
  }

  /** How many background jobs a node runs at once. */
  public int jobWorkers() {
    return jobWorkers;
  }

  /**
   * How long a claimed job stays a node's without a renewal: after a node dies, its jobs wait this
   * long before another node takes them.
   */
  /** How many started jobs may wait on this node without a thread, besides the workers' own. */
  public int jobsWaiting() {
    return jobsWaiting;
  }

  public Duration jobLease() {
    return jobLease;
  }

  public Duration routinePoll() {
    return routinePoll;
  }

  public Duration routineMinInterval() {
    return routineMinInterval;
  }
}
