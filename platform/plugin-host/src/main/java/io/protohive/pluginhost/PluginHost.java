package io.protohive.pluginhost;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.HostHttp;
import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.Tool;
import io.protohive.plugin.api.llm.LlmProvider;
import io.protohive.pluginhost.internal.Admission;
import io.protohive.pluginhost.internal.FelixLogBridge;
import io.protohive.pluginhost.internal.HostExports;
import io.protohive.pluginhost.internal.PluginFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded OSGi framework (Apache Felix) that runs plugin bundles, and the one way bundles get
 * into it: every jar, whether bundled, dropped into the plugins folder or uploaded, passes the same
 * {@link Admission} (trusted signature, plugin metadata, SPI range) before it is installed, and a
 * jar that cannot resolve is taken out again with its missing imports as the reason. A jar in the
 * plugins folder that declares capabilities beyond those its plugin runs with or was approved for
 * is held, not installed, until a platform admin approves them ({@link #retryHeld()}).
 *
 * <p>Thread-safe: changes to the installed set are serialized; queries read the framework's own
 * concurrent state.
 */
public final class PluginHost implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  private static final String FRAMEWORK_LOCATION = "protohive:framework/";
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  private final Framework framework;
  private final Admission admission;
  private final Path jars;
  private final ToolCalls calls;
  private final PluginCalls modelCalls;
  private final ServiceTracker<Tool, Tool> tools;
  private final ServiceTracker<LlmProvider, LlmProvider> providers;
  private final Map<String, Installed> installed = new ConcurrentHashMap<>();
  private final Map<Path, String> folderPlugins = new ConcurrentHashMap<>();
  private final Map<String, String> folderRefusals = new ConcurrentHashMap<>();
  private final Map<Path, Inspection> folderHeld = new ConcurrentHashMap<>();
  private final CapabilityRecord capabilities;
  private final PluginNetwork network;
  private PluginFolder folder;

  /** A plugin the host installed, with what admission learned about it. */
  private record Installed(
      Bundle bundle, Origin origin, Admission.Admitted facts, Path jar, HostHttp http) {}

  private HostHttp httpFor(Admission.Admitted facts) {
    return network.forPlugin(
        facts.id(), facts.capabilities().networkHosts().stream().map(HostPattern::parse).toList());
  }

  /** Where the host keeps its files, and how it runs plugins. */
  public record Settings(
      List<BundleArchive> frameworkBundles,
      Path pluginsFolder,
      Path workFolder,
      TrustPolicy trust,
      CapabilityRecord capabilities,
      List<HostPattern> privateHosts,
      PluginCalls.Limits toolCalls,
      PluginCalls.Limits modelCalls) {}

  private PluginHost(Framework framework, Settings settings) throws IOException {
    this.framework = framework;
    this.admission = new Admission(settings.trust(), HostExports.spiVersion());
    this.jars = Files.createDirectories(settings.workFolder().resolve("jars"));
    this.calls = new ToolCalls(settings.toolCalls());
    this.modelCalls = new PluginCalls("llm-call", settings.modelCalls());
    this.capabilities = settings.capabilities();
    this.network = new PluginNetwork(settings.privateHosts());
    this.tools = new ServiceTracker<>(framework.getBundleContext(), Tool.class, null);
    this.tools.open();
    this.providers = new ServiceTracker<>(framework.getBundleContext(), LlmProvider.class, null);
    this.providers.open();
  }

  /**
   * Starts the framework with its infrastructure bundles (Declarative Services), installs the
   * bundled plugins and then watches the plugins folder.
   */
  public static PluginHost start(Settings settings, List<BundleArchive> bundledPlugins)
      throws PluginHostFailure {
    try {
      Path cache = settings.workFolder().resolve("felix-cache");
      Framework framework =
          ServiceLoader.load(FrameworkFactory.class, PluginHost.class.getClassLoader())
              .findFirst()
              .orElseThrow(() -> new PluginHostFailure("no OSGi framework on the class path"))
              .newFramework(configuration(cache));
      framework.start();
      installFrameworkBundles(framework, settings.frameworkBundles());
      PluginHost host = new PluginHost(framework, settings);
      for (BundleArchive archive : bundledPlugins) {
        host.installBundled(archive);
      }
      host.folder =
          PluginFolder.watch(
              settings.pluginsFolder(), host::folderJarChanged, host::folderJarRemoved);
      LOG.info(() -> "Plugin host started, watching " + settings.pluginsFolder());
      return host;
    } catch (IOException | BundleException e) {
      throw new PluginHostFailure("plugin host did not start: " + e.getMessage());
    }
  }

  // Felix takes objects as well as strings in its configuration: the logger is one
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, String> configuration(Path cache) throws IOException {
    Map config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostExports.packages());
    config.put("felix.log.logger", new FelixLogBridge());
    return config;
  }

  private static void installFrameworkBundles(Framework framework, List<BundleArchive> archives)
      throws IOException, BundleException {
    List<Bundle> bundles = new ArrayList<>();
    for (BundleArchive archive : archives) {
      try (InputStream in = archive.url().openStream()) {
        bundles.add(
            framework
                .getBundleContext()
                .installBundle(FRAMEWORK_LOCATION + archive.fileName(), in));
      }
    }
    for (Bundle bundle : bundles) {
      if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
        bundle.start();
      }
    }
  }

  private void installBundled(BundleArchive archive) throws IOException {
    Path copy = Files.createTempFile(jars, "bundled-", ".jar");
    try (InputStream in = archive.url().openStream()) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      install(Origin.BUNDLED, copy);
    } catch (PluginRefused e) {
      LOG.warning(() -> "Bundled plugin " + archive.fileName() + " refused: " + e.getMessage());
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  private synchronized void folderJarChanged(Path jar) {
    try {
      Inspection inspection = inspect(jar);
      folderRefusals.remove(jar.getFileName().toString());
      if (inspection.needsApproval()) {
        Inspection before = folderHeld.put(jar, inspection);
        if (before != null && before.sha256().equals(inspection.sha256())) {
          return; // reported already: a rejection stays until the node restarts
        }
        capabilities.held(inspection);
        LOG.warning(
            () ->
                "Plugin "
                    + inspection.id()
                    + " "
                    + inspection.version()
                    + " from "
                    + jar.getFileName()
                    + " waits for a platform admin: it adds capabilities");
        return;
      }
      folderHeld.remove(jar);
      PluginDescriptor plugin = install(Origin.FOLDER, jar);
      folderPlugins.put(jar, plugin.id());
    } catch (PluginRefused e) {
      folderHeld.remove(jar);
      folderRefusals.put(jar.getFileName().toString(), e.getMessage());
      LOG.warning(() -> "Plugin " + jar.getFileName() + " refused: " + e.getMessage());
    }
  }

  private synchronized void folderJarRemoved(Path jar) {
    folderRefusals.remove(jar.getFileName().toString());
    folderHeld.remove(jar);
    String id = folderPlugins.remove(jar);
    if (id != null) {
      uninstall(id);
    }
  }

  /** Offers the held jars of the plugins folder again, after capabilities were approved. */
  public void retryHeld() {
    List.copyOf(folderHeld.keySet()).forEach(this::folderJarChanged);
  }

  /**
   * What a jar is and whether it adds capabilities, without installing it.
   *
   * @throws PluginRefused when the jar fails admission
   */
  public Inspection inspect(Path jar) throws PluginRefused {
    Admission.Admitted facts = admission.admit(jar);
    Installed running = installed.get(facts.id());
    Optional<Capabilities> accepted = capabilities.accepted(facts.id());
    Capabilities added = null;
    if (running != null || accepted.isPresent()) {
      added = facts.capabilities();
      if (running != null) {
        added = added.addedTo(running.facts().capabilities());
      }
      if (accepted.isPresent()) {
        added = added.addedTo(accepted.get());
      }
    }
    return new Inspection(
        facts.id(),
        facts.name(),
        facts.version(),
        facts.vendor(),
        facts.description(),
        facts.signer() == null ? null : facts.signer().subject(),
        facts.signer() == null ? "UNSIGNED" : "TRUSTED",
        facts.sha256(),
        facts.spiRange(),
        facts.capabilities(),
        running == null ? null : running.bundle().getVersion().toString(),
        added,
        added != null && !added.declaresNothing());
  }

  /**
   * Installs a plugin jar, or replaces the installed plugin of the same id: running calls of the
   * old version are cancelled, and if the new version cannot start the old one comes back. Its
   * capabilities become the accepted ones: callers that install on a person's behalf {@link
   * #inspect} first.
   *
   * @throws PluginRefused when the jar fails admission or cannot resolve
   */
  public synchronized PluginDescriptor install(Origin origin, Path jar) throws PluginRefused {
    Admission.Admitted facts = admission.admit(jar);
    Path kept = keep(jar, facts.sha256());
    Installed previous = installed.get(facts.id());
    try {
      Bundle bundle;
      if (previous == null) {
        try (InputStream in = Files.newInputStream(kept)) {
          bundle = framework.getBundleContext().installBundle(origin.location(facts.id()), in);
        }
      } else {
        bundle = previous.bundle();
        cancelCalls(facts.id());
        try (InputStream in = Files.newInputStream(kept)) {
          bundle.update(in);
        }
      }
      startOrRollBack(bundle, previous);
      installed.put(facts.id(), new Installed(bundle, origin, facts, kept, httpFor(facts)));
      capabilities.installed(facts.id(), facts.capabilities());
      LOG.info(() -> "Plugin " + facts.id() + " " + facts.version() + " installed from " + origin);
      return describe(installed.get(facts.id()));
    } catch (IOException e) {
      throw new PluginRefused("The bundle cannot be read: " + e.getMessage());
    } catch (BundleException e) {
      throw new PluginRefused("The bundle cannot be installed: " + e.getMessage());
    }
  }

  private void startOrRollBack(Bundle bundle, Installed previous) throws PluginRefused {
    try {
      bundle.start();
    } catch (BundleException e) {
      String reason = "The bundle cannot start: " + e.getMessage();
      try {
        if (previous == null) {
          bundle.uninstall();
        } else {
          try (InputStream in = Files.newInputStream(previous.jar())) {
            bundle.update(in);
          }
          bundle.start();
        }
      } catch (BundleException | IOException rollback) {
        LOG.warning(() -> "Plugin rollback failed: " + rollback.getMessage());
      }
      throw new PluginRefused(reason);
    }
  }

  /** The host's own copy of an admitted jar, named by its digest. */
  private Path keep(Path jar, String sha256) throws PluginRefused {
    Path kept = jars.resolve(sha256 + ".jar");
    try {
      if (!Files.exists(kept)) {
        Files.copy(jar, kept, StandardCopyOption.REPLACE_EXISTING);
      }
      return kept;
    } catch (IOException e) {
      throw new PluginRefused("The bundle cannot be stored: " + e.getMessage());
    }
  }

  /** Removes a plugin; its running calls are cancelled. Does nothing for an unknown id. */
  public synchronized void uninstall(String pluginId) {
    Installed plugin = installed.remove(pluginId);
    if (plugin == null) {
      return;
    }
    cancelCalls(pluginId);
    try {
      plugin.bundle().uninstall();
      LOG.info(() -> "Plugin " + pluginId + " uninstalled");
    } catch (BundleException e) {
      LOG.warning(() -> "Plugin " + pluginId + " did not uninstall: " + e.getMessage());
    }
  }

  /**
   * Stops or starts a plugin: a stopped plugin stays installed but offers no tools.
   *
   * @return whether the plugin is installed
   */
  public synchronized boolean setActive(String pluginId, boolean active) throws PluginRefused {
    Installed plugin = installed.get(pluginId);
    if (plugin == null) {
      return false;
    }
    try {
      if (active) {
        plugin.bundle().start();
      } else {
        cancelCalls(pluginId);
        plugin.bundle().stop();
      }
      return true;
    } catch (BundleException e) {
      throw new PluginRefused("The plugin cannot " + (active ? "start" : "stop") + ": " + e);
    }
  }

  public List<PluginDescriptor> plugins() {
    return installed.values().stream()
        .map(this::describe)
        .sorted(Comparator.comparing(PluginDescriptor::id))
        .toList();
  }

  public Optional<PluginDescriptor> plugin(String pluginId) {
    return Optional.ofNullable(installed.get(pluginId)).map(this::describe);
  }

  /** Jars in the plugins folder that were refused, by file name, with the reason. */
  public Map<String, String> folderRefusals() {
    return Map.copyOf(folderRefusals);
  }

  /** The tools that active plugins offer right now. */
  public List<PluginTool> tools() {
    return services(
        tools,
        (owner, tool) ->
            new PluginTool(
                owner.id(),
                tool,
                owner.classLoader(),
                owner.plugin() != null
                    && owner
                        .plugin()
                        .facts()
                        .capabilities()
                        .consequentialTools()
                        .contains(tool.id()),
                owner.plugin() == null ? NO_NETWORK : owner.plugin().http()));
  }

  public Optional<PluginTool> tool(String toolId) {
    return tools().stream().filter(t -> t.tool().id().equals(toolId)).findFirst();
  }

  /**
   * A number that changes whenever a plugin's tool or provider comes or goes (a plugin installed,
   * replaced, removed, started or stopped): what was derived from {@link #providers()} or {@link
   * #configuration} is stale once it changed.
   */
  public long servicesGeneration() {
    return ((long) tools.getTrackingCount() << 32) + providers.getTrackingCount();
  }

  /** The LLM providers that active plugins offer right now. */
  public List<PluginProvider> providers() {
    return services(
        providers,
        (owner, provider) -> new PluginProvider(owner.id(), provider, owner.classLoader()));
  }

  /**
   * The settings a tenant fills in for a plugin: the properties its tools and providers describe,
   * each key once.
   */
  public List<ConfigurationProperty> configuration(String pluginId) {
    Map<String, ConfigurationProperty> properties = new LinkedHashMap<>();
    tools().stream()
        .filter(t -> t.pluginId().equals(pluginId))
        .flatMap(t -> t.tool().configuration().stream())
        .forEach(p -> properties.putIfAbsent(p.key(), p));
    providers().stream()
        .filter(p -> p.pluginId().equals(pluginId))
        .flatMap(p -> p.provider().configuration().stream())
        .forEach(p -> properties.putIfAbsent(p.key(), p));
    return List.copyOf(properties.values());
  }

  public ToolCalls calls() {
    return calls;
  }

  /** Cancels a plugin's running tool and model calls: it is about to stop or be replaced. */
  private void cancelCalls(String pluginId) {
    calls.cancel(pluginId);
    modelCalls.cancel(pluginId);
  }

  /** The path every call of an LLM provider's models takes. */
  public PluginCalls modelCalls() {
    return modelCalls;
  }

  public boolean isRunning() {
    return framework.getState() == Bundle.ACTIVE;
  }

  /** The bundle behind a service, as the host knows it. */
  private record Owner(String id, ClassLoader classLoader, Installed plugin) {}

  /**
   * For a service of a bundle that did not pass admission (a plugin can install bundles itself).
   */
  private static final HostHttp NO_NETWORK =
      HostHttp.refusing("No network access is offered to this plugin.");

  private <S, T> List<T> services(ServiceTracker<S, S> tracker, BiFunction<Owner, S, T> wrap) {
    ServiceReference<S>[] references = tracker.getServiceReferences();
    if (references == null) {
      return List.of();
    }
    List<T> found = new ArrayList<>();
    for (ServiceReference<S> reference : references) {
      Bundle bundle = reference.getBundle();
      S service = tracker.getService(reference);
      if (bundle == null || service == null) {
        continue;
      }
      Installed plugin = installed.get(bundle.getSymbolicName());
      BundleWiring wiring = bundle.adapt(BundleWiring.class);
      found.add(
          wrap.apply(
              new Owner(
                  bundle.getSymbolicName(),
                  wiring == null ? null : wiring.getClassLoader(),
                  plugin),
              service));
    }
    return found;
  }

  private PluginDescriptor describe(Installed plugin) {
    Bundle bundle = plugin.bundle();
    Admission.Admitted facts = plugin.facts();
    return new PluginDescriptor(
        facts.id(),
        header(bundle, Constants.BUNDLE_NAME, facts.id()),
        bundle.getVersion().toString(),
        header(bundle, Constants.BUNDLE_VENDOR, ""),
        header(bundle, Constants.BUNDLE_DESCRIPTION, ""),
        plugin.origin(),
        stateName(bundle.getState()),
        facts.signer() == null ? null : facts.signer().subject(),
        facts.sha256(),
        facts.spiRange(),
        facts.capabilities(),
        tools().stream()
            .filter(t -> t.pluginId().equals(facts.id()))
            .map(t -> t.tool().id())
            .sorted()
            .toList(),
        providers().stream()
            .filter(p -> p.pluginId().equals(facts.id()))
            .map(p -> p.provider().id())
            .sorted()
            .toList());
  }

  private static String header(Bundle bundle, String name, String fallback) {
    String value = bundle.getHeaders().get(name);
    return value == null ? fallback : value;
  }

  private static String stateName(int state) {
    return switch (state) {
      case Bundle.ACTIVE -> PluginDescriptor.ACTIVE;
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.INSTALLED -> "INSTALLED";
      default -> "UNINSTALLED";
    };
  }

  @Override
  public void close() {
    if (folder != null) {
      folder.close();
    }
    calls.close();
    modelCalls.close();
    tools.close();
    providers.close();
    try {
      framework.stop();
      framework.waitForStop(STOP_TIMEOUT_MILLIS);
      LOG.info("Plugin host stopped");
    } catch (BundleException e) {
      LOG.warning(() -> "Plugin host did not stop cleanly: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
