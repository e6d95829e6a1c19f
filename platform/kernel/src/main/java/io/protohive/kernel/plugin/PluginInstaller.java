package io.protohive.kernel.plugin;

import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.PlatformRuntime;
import io.protohive.kernel.platform.Rejection;
import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Installs, replaces, stops and removes plugins for platform admins, and keeps each node's plugin
 * host in line with the database: uploaded jars are stored there, so a restart, and every node of a
 * cluster, installs the same set.
 */
@ApplicationScoped
public class PluginInstaller {

  private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

  /** Plugins embed their libraries; 64 MB leaves room for that and refuses anything absurd. */
  public static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

  @Inject PlatformRuntime runtime;
  @Inject PluginBundles bundles;
  @Inject PlatformAdmins admins;
  @Inject TrustedPublishers publishers;
  @Inject AuditLog audit;
  @Inject Event<PluginSetChanged> changed;

  /**
   * Installs an uploaded plugin jar on this node and stores it for the others; a jar whose plugin
   * is installed already replaces it.
   */
  @Transactional
  public PluginDescriptor upload(Caller caller, InputStream jar, String address) {
    admins.require(caller);
    Path file = receive(jar);
    try {
      PluginDescriptor plugin = host().install(Origin.UPLOADED, file);
      bundles.save(
          plugin.id(),
          plugin.version(),
          plugin.sha256(),
          Files.readAllBytes(file),
          plugin.signer(),
          caller.userId());
      bundles.setStopped(plugin.id(), false);
      audit.record(
          null,
          caller.userId(),
          Action.PLUGIN_INSTALLED,
          plugin.id() + " " + plugin.version(),
          address);
      changed.fire(new PluginSetChanged("installed " + plugin.id()));
      return plugin;
    } catch (PluginRefused e) {
      throw Rejection.invalid("file", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(file);
    }
  }

  /** Removes an uploaded plugin from every node. */
  @Transactional
  public void remove(Caller caller, String pluginId, String address) {
    admins.require(caller);
    PluginDescriptor plugin = installed(pluginId);
    if (plugin.origin() == Origin.BUNDLED) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT, "This plugin ships with the platform. Stop it instead.");
    }
    if (plugin.origin() == Origin.FOLDER) {
      throw Rejection.of(
          Rejection.Kind.CONFLICT,
          "This plugin was dropped into a node's plugins folder. Delete the jar there.");
    }
    bundles.delete(pluginId);
    bundles.setStopped(pluginId, false);
    host().uninstall(pluginId);
    audit.record(null, caller.userId(), Action.PLUGIN_REMOVED, pluginId, address);
    changed.fire(new PluginSetChanged("removed " + pluginId));
  }

  /** Stops a plugin on every node, cancelling its running calls, or starts it again. */
  @Transactional
  public PluginDescriptor setActive(
      Caller caller, String pluginId, boolean active, String address) {
    admins.require(caller);
    installed(pluginId);
    bundles.setStopped(pluginId, !active);
    try {
      host().setActive(pluginId, active);
    } catch (PluginRefused e) {
      throw Rejection.of(Rejection.Kind.CONFLICT, e.getMessage());
    }
    audit.record(
        null,
        caller.userId(),
        active ? Action.PLUGIN_STARTED : Action.PLUGIN_STOPPED,
        pluginId,
        address);
    changed.fire(new PluginSetChanged((active ? "started " : "stopped ") + pluginId));
    return installed(pluginId);
  }

  /**
   * Brings this node's plugin host in line with the database: trusted publishers, uploaded jars
   * (installed, replaced or removed) and stopped plugins. Runs at start and whenever another node
   * announces a change.
   */
  @Transactional
  public void synchronize() {
    publishers.reload();
    PluginHost host = host();
    Map<String, String> uploaded = bundles.digests();
    uploaded.forEach(
        (pluginId, sha256) -> {
          boolean current = host.plugin(pluginId).map(p -> p.sha256().equals(sha256)).orElse(false);
          if (!current) {
            installStored(host, pluginId);
          }
        });
    host.plugins().stream()
        .filter(p -> p.origin() == Origin.UPLOADED && !uploaded.containsKey(p.id()))
        .forEach(p -> host.uninstall(p.id()));
    List<String> stopped = bundles.stopped();
    for (PluginDescriptor plugin : host.plugins()) {
      boolean shouldRun = !stopped.contains(plugin.id());
      if (shouldRun != plugin.active() && (!shouldRun || "RESOLVED".equals(plugin.state()))) {
        try {
          host.setActive(plugin.id(), shouldRun);
        } catch (PluginRefused e) {
          LOG.warning(() -> "Plugin " + plugin.id() + ": " + e.getMessage());
        }
      }
    }
  }

  private void installStored(PluginHost host, String pluginId) {
    Path file = null;
    try {
      file = Files.createTempFile("protohive-plugin-", ".jar");
      Files.write(file, bundles.content(pluginId));
      host.install(Origin.UPLOADED, file);
    } catch (PluginRefused e) {
      LOG.warning(() -> "Stored plugin " + pluginId + " refused: " + e.getMessage());
    } catch (IOException e) {
      LOG.warning(() -> "Stored plugin " + pluginId + " could not be staged: " + e);
    } finally {
      deleteQuietly(file);
    }
  }

  /** Copies the upload to a temporary file, refusing it once it passes the size limit. */
  private static Path receive(InputStream jar) {
    Path file = null;
    try {
      file = Files.createTempFile("protohive-upload-", ".jar");
      long size = 0;
      try (InputStream in = jar;
          OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
          size += read;
          if (size > MAX_JAR_BYTES) {
            throw Rejection.invalid("file", "The jar is larger than 64 MB.");
          }
          out.write(buffer, 0, read);
        }
      }
      if (size == 0) {
        throw Rejection.invalid("file", "Attach the plugin jar as the part named file.");
      }
      return file;
    } catch (IOException e) {
      deleteQuietly(file);
      throw Rejection.invalid("file", "The upload could not be read: " + e.getMessage());
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.fine(() -> "Temporary file " + file + " stays: " + e);
    }
  }

  private PluginDescriptor installed(String pluginId) {
    return host()
        .plugin(pluginId)
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
  }

  private PluginHost host() {
    return runtime.pluginHost();
  }
}
