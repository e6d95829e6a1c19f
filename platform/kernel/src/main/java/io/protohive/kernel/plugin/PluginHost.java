package io.protohive.kernel.plugin;

import io.protohive.kernel.platform.StartupFailure;
import io.protohive.plugin.api.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Manifest;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The embedded OSGi framework (Apache Felix) that runs plugin bundles. Framework bundles (SCR,
 * FileInstall) and the bundled plugins are installed at start; FileInstall then installs, updates
 * and removes the jars of the plugins folder while the platform runs.
 *
 * <p>Thread-safe: queries read the framework's own concurrent state.
 */
public final class PluginHost implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  private static final String BUNDLED_LOCATION = "protohive:bundled/";
  private static final String FRAMEWORK_LOCATION = "protohive:framework/";
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  private final Framework framework;
  private final ServiceTracker<Tool, Tool> tools;

  private PluginHost(Framework framework) {
    this.framework = framework;
    this.tools = new ServiceTracker<>(framework.getBundleContext(), Tool.class, null);
    this.tools.open();
  }

  /**
   * Starts the framework.
   *
   * @param frameworkBundles infrastructure bundles, such as Declarative Services
   * @param bundledPlugins the plugins that ship with the platform
   * @param pluginsFolder the folder watched for plugin jars
   * @param cacheFolder the framework's working storage, emptied at each start
   */
  public static PluginHost start(
      List<BundleArchive> frameworkBundles,
      List<BundleArchive> bundledPlugins,
      Path pluginsFolder,
      Path cacheFolder) {
    try {
      Files.createDirectories(pluginsFolder);
      Framework framework =
          ServiceLoader.load(FrameworkFactory.class, PluginHost.class.getClassLoader())
              .findFirst()
              .orElseThrow(() -> new StartupFailure("no OSGi framework on the class path"))
              .newFramework(configuration(pluginsFolder, cacheFolder));
      framework.start();
      installAndStart(framework.getBundleContext(), FRAMEWORK_LOCATION, frameworkBundles);
      installAndStart(framework.getBundleContext(), BUNDLED_LOCATION, bundledPlugins);
      LOG.info(() -> "Plugin host started, watching " + pluginsFolder);
      return new PluginHost(framework);
    } catch (IOException | BundleException e) {
      throw new StartupFailure("plugin host did not start: " + e.getMessage());
    }
  }

  // Felix takes objects as well as strings in its configuration: the logger is one
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<String, String> configuration(Path pluginsFolder, Path cacheFolder)
      throws IOException {
    Map config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, cacheFolder.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, pluginApiExports());
    config.put("felix.log.logger", new FelixLogBridge());
    config.put("felix.fileinstall.dir", pluginsFolder.toString());
    config.put("felix.fileinstall.filter", ".*\\.jar");
    config.put("felix.fileinstall.poll", "1000");
    config.put("felix.fileinstall.noInitialDelay", "true");
    config.put("felix.fileinstall.log.level", "3");
    return config;
  }

  /**
   * The packages the host shares with bundles, exactly as the plugin API jar's manifest exports
   * them (with versions), so the host and its bundles see the same classes.
   */
  static String pluginApiExports() throws IOException {
    URL toolClass = Tool.class.getResource("Tool.class");
    String classPath = "io/protohive/plugin/api/Tool.class";
    String base = toolClass.toString();
    URL manifestUrl =
        new URL(base.substring(0, base.length() - classPath.length()) + "META-INF/MANIFEST.MF");
    try (InputStream in = manifestUrl.openStream()) {
      String exports = new Manifest(in).getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
      if (exports == null) {
        throw new IOException("the plugin API at " + manifestUrl + " exports no packages");
      }
      return exports;
    }
  }

  private static void installAndStart(
      BundleContext context, String locationPrefix, List<BundleArchive> archives)
      throws IOException {
    List<Bundle> installed = new ArrayList<>();
    for (BundleArchive archive : archives) {
      try (InputStream in = archive.url().openStream()) {
        installed.add(context.installBundle(locationPrefix + archive.fileName(), in));
      } catch (BundleException e) {
        LOG.warning(() -> "Bundle " + archive.fileName() + " was not installed: " + e.getMessage());
      }
    }
    for (Bundle bundle : installed) {
      if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        bundle.start();
      } catch (BundleException e) {
        // a plugin that cannot resolve is reported and disturbs nothing else
        LOG.warning(
            () -> "Bundle " + bundle.getSymbolicName() + " did not start: " + e.getMessage());
      }
    }
  }

  /** Every plugin bundle, whether bundled or dropped into the plugins folder. */
  public List<PluginInfo> plugins() {
    return Arrays.stream(framework.getBundleContext().getBundles())
        .filter(bundle -> bundle.getBundleId() != 0)
        .filter(bundle -> !bundle.getLocation().startsWith(FRAMEWORK_LOCATION))
        .map(PluginHost::describe)
        .sorted(Comparator.comparing(PluginInfo::symbolicName))
        .toList();
  }

  /** The tools that plugins offer right now. */
  public List<Tool> tools() {
    Tool[] current = tools.getServices(new Tool[0]);
    return List.of(current);
  }

  public boolean isRunning() {
    return framework.getState() == Bundle.ACTIVE;
  }

  private static PluginInfo describe(Bundle bundle) {
    String name = bundle.getHeaders().get(Constants.BUNDLE_NAME);
    return new PluginInfo(
        bundle.getBundleId(),
        bundle.getSymbolicName(),
        name != null ? name : bundle.getSymbolicName(),
        bundle.getVersion().toString(),
        stateName(bundle.getState()),
        bundle.getLocation().startsWith(BUNDLED_LOCATION) ? "bundled" : "folder");
  }

  private static String stateName(int state) {
    return switch (state) {
      case Bundle.ACTIVE -> PluginInfo.ACTIVE;
      case Bundle.RESOLVED -> "RESOLVED";
      case Bundle.STARTING -> "STARTING";
      case Bundle.STOPPING -> "STOPPING";
      case Bundle.INSTALLED -> "INSTALLED";
      default -> "UNINSTALLED";
    };
  }

  @Override
  public void close() {
    tools.close();
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
