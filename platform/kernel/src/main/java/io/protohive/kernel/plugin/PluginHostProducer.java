package io.protohive.kernel.plugin;

import io.protohive.kernel.observability.PlatformMetrics;
import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.StartupFailure;
import io.protohive.plugin.api.HostPattern;
import io.protohive.pluginhost.BundleArchive;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginHostFailure;
import io.protohive.pluginhost.PluginNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Starts and stops this node's {@link PluginHost} when the platform does, and hands the running
 * host to every bean that injects it. Dependent scope, because the host is final and not proxyable:
 * a bean receives it when it is created, which is after start-up for every bean that uses plugins.
 */
@ApplicationScoped
public class PluginHostProducer {

  static final String FRAMEWORK_BUNDLES = "/WEB-INF/osgi/framework/";
  static final String BUNDLED_PLUGINS = "/WEB-INF/osgi/plugins/";
  static final String BUILT_IN_PUBLISHERS = "/WEB-INF/osgi/trusted/";

  @Inject PlatformSettings settings;
  @Inject TrustedPublishers publishers;
  @Inject AcceptedCapabilities acceptedCapabilities;
  @Inject PluginInstaller installer;
  @Inject PluginClusterSync clusterSync;
  @Inject PlatformMetrics metrics;

  private volatile PluginHost host;

  /**
   * Starts the OSGi framework with the application's framework bundles and bundled plugins,
   * installs the plugin set the database holds and listens for the other nodes' changes to it; the
   * cluster member must run already.
   */
  public void start(ServletContext context, Path dataDir) {
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
      host =
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
    installer.synchronize();
    clusterSync.listen();
    metrics.plugins(PluginDescriptor.STATES, this::states);
  }

  /** The state of each plugin installed on this node; none once the host stopped. */
  private List<String> states() {
    PluginHost running = host;
    return running == null
        ? List.of()
        : running.plugins().stream().map(PluginDescriptor::state).toList();
  }

  /** Stops the framework and its plugins; nothing happens when the host never started. */
  public void stop() {
    PluginHost running = host;
    host = null;
    if (running != null) {
      running.close();
    }
  }

  @Produces
  PluginHost pluginHost() {
    PluginHost running = host;
    if (running == null) {
      throw new IllegalStateException("The plugin host starts with the platform");
    }
    return running;
  }

  private static String read(URL url) {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new StartupFailure("built-in publisher certificate " + url + " is unreadable");
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
}
