package io.protohive.kernel.plugin;

import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.audit.AuditLog;
import io.protohive.kernel.audit.AuditLog.Action;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.PlatformAdmins;
import io.protohive.kernel.platform.AsPlatform;
import io.protohive.kernel.platform.Rejection;
import io.protohive.pluginhost.Inspection;
import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Installs, replaces, stops and removes plugins for platform admins, and keeps each node's plugin
 * host in line with the database: uploaded jars are stored there, so a restart, and every node of a
 * cluster, installs the same set. A jar is inspected before it is installed: an update that
 * declares capabilities beyond those accepted for its plugin is held, uploaded or dropped into a
 * plugins folder alike, until a platform admin approves or rejects it.
 */
@ApplicationScoped
public class PluginInstaller {

  private static final Logger LOG = Logger.getLogger(PluginInstaller.class.getName());

  /** Plugins embed their libraries; 64 MB leaves room for that and refuses anything absurd. */
  public static final long MAX_JAR_BYTES = 64L * 1024 * 1024;

  @Inject PluginHost pluginHost;
  @Inject Authorization authorization;
  @Inject PluginBundles bundles;
  @Inject PlatformAdmins admins;
  @Inject TrustedPublishers publishers;
  @Inject AuditLog audit;
  @Inject AcceptedCapabilities capabilities;
  @Inject Event<PluginSetChanged> changed;

  @PersistenceContext(unitName = "protohive")
  EntityManager entityManager;

  /** What an upload did: installed the plugin, or held it for a platform admin's approval. */
  public record UploadOutcome(PluginView installed, PendingUpdate held) {}

  /**
   * An update held because it declares more than its plugin was accepted with.
   *
   * @param origin {@code UPLOADED}, or {@code FOLDER} for a jar in a node's plugins folder, which
   *     installs on that node once approved
   * @param addedCapabilities what it declares beyond the accepted capabilities
   */
  public record PendingUpdate(
      UUID id,
      String pluginId,
      String name,
      String version,
      String origin,
      String signer,
      String sha256,
      String installedVersion,
      CapabilitiesView capabilities,
      CapabilitiesView addedCapabilities,
      Instant submittedAt) {}

  /**
   * What a jar is and declares, checked as an install would check it, without installing it.
   *
   * @throws Rejection naming the file when the jar would be refused
   */
  public PluginInspectionView inspect(Caller caller, InputStream jar) {
    authorization.platformAdmin(caller);
    Path file = stage(jar);
    try {
      return PluginInspectionView.of(pluginHost.inspect(file));
    } catch (PluginRefused e) {
      throw Rejection.invalid("file", e.getMessage());
    } finally {
      deleteQuietly(file);
    }
  }

  /**
   * Installs an uploaded plugin jar on this node and stores it for the others; a jar whose plugin
   * is installed already replaces it, unless it declares capabilities beyond those accepted for its
   * plugin: then it is held for a platform admin's approval.
   */
  @Transactional
  @AsPlatform
  public UploadOutcome upload(Caller caller, InputStream jar, String address) {
    authorization.platformAdmin(caller);
    Path file = stage(jar);
    try {
      Inspection inspection = pluginHost.inspect(file);
      if (inspection.needsApproval()) {
        UUID id =
            capabilities.hold(
                inspection, Origin.UPLOADED, Files.readAllBytes(file), caller.userId());
        audit.record(
            null,
            caller.userId(),
            Action.PLUGIN_UPDATE_HELD,
            inspection.id() + " " + inspection.version(),
            address);
        changed.fire(new PluginSetChanged("held " + inspection.id()));
        return new UploadOutcome(null, pending(id));
      }
      return new UploadOutcome(PluginView.of(installUpload(caller, file, address)), null);
    } catch (PluginRefused e) {
      throw Rejection.invalid("file", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(file);
    }
  }

  private PluginDescriptor installUpload(Caller caller, Path file, String address)
      throws PluginRefused, IOException {
    PluginDescriptor plugin = pluginHost.install(Origin.UPLOADED, file);
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
  }

  /** The plugins installed on this node; platform admins only. */
  @Transactional
  @AsPlatform
  public List<PluginView> plugins(Caller caller) {
    authorization.platformAdmin(caller);
    return pluginHost.plugins().stream().map(PluginView::of).toList();
  }

  /**
   * The jars this node's plugins folder holds but refused, by file name, with the reason; platform
   * admins only.
   */
  @Transactional
  @AsPlatform
  public Map<String, String> folderRefusals(Caller caller) {
    authorization.platformAdmin(caller);
    return Map.copyOf(pluginHost.folderRefusals());
  }

  /** The updates waiting for a platform admin, oldest first. */
  @Transactional
  @AsPlatform
  public List<PendingUpdate> pendingUpdates(Caller caller) {
    authorization.platformAdmin(caller);
    List<Object[]> rows =
        entityManager.createNativeQuery(PENDING + " order by submitted_at").getResultList();
    return rows.stream().map(PluginInstaller::pendingUpdate).toList();
  }

  /** One held update; platform admins only. */
  @Transactional
  @AsPlatform
  public PendingUpdate pendingUpdate(Caller caller, UUID id) {
    authorization.platformAdmin(caller);
    return pending(id);
  }

  /**
   * Approves a held update: its capabilities become the accepted ones of its plugin. An uploaded
   * jar installs on every node now; a jar in a plugins folder installs on the node that holds it.
   *
   * @return the installed plugin, or empty for a folder jar
   */
  @Transactional
  @AsPlatform
  public Optional<PluginView> approve(Caller caller, UUID id, String address) {
    authorization.platformAdmin(caller);
    PendingUpdate update = pending(id);
    PluginDescriptor installed = null;
    if (Origin.UPLOADED.name().equals(update.origin())) {
      Path file = null;
      try {
        file = Files.createTempFile("protohive-approved-", ".jar");
        Files.write(
            file,
            (byte[])
                entityManager
                    .createNativeQuery("select content from plugin_update where id = ?1")
                    .setParameter(1, id)
                    .getSingleResult());
        installed = installUpload(caller, file, address);
      } catch (PluginRefused e) {
        throw Rejection.of(Rejection.Kind.CONFLICT, e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        deleteQuietly(file);
      }
    }
    capabilities.accept(update.pluginId(), update.capabilities().toCapabilities(), caller.userId());
    delete(id);
    audit.record(
        null,
        caller.userId(),
        Action.PLUGIN_UPDATE_APPROVED,
        update.pluginId() + " " + update.version() + " " + update.addedCapabilities(),
        address);
    changed.fire(new PluginSetChanged("approved " + update.pluginId()));
    pluginHost.retryHeld();
    return Optional.ofNullable(installed).map(PluginView::of);
  }

  /**
   * Rejects a held update: an uploaded jar is dropped; a jar in a plugins folder stays held there
   * (and is listed again when the node restarts) until someone deletes it.
   */
  @Transactional
  @AsPlatform
  public void reject(Caller caller, UUID id, String address) {
    authorization.platformAdmin(caller);
    PendingUpdate update = pending(id);
    delete(id);
    audit.record(
        null,
        caller.userId(),
        Action.PLUGIN_UPDATE_REJECTED,
        update.pluginId() + " " + update.version(),
        address);
    changed.fire(new PluginSetChanged("rejected " + update.pluginId()));
  }

  private static final String PENDING =
      "select id, plugin_id, name, version, origin, signer, sha256, installed_version,"
          + " capabilities::text, added_capabilities::text, submitted_at from plugin_update";

  private PendingUpdate pending(UUID id) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(PENDING + " where id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, "No update with this id waits for approval.");
    }
    return pendingUpdate(rows.get(0));
  }

  private static PendingUpdate pendingUpdate(Object[] row) {
    return new PendingUpdate(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        (String) row[3],
        (String) row[4],
        (String) row[5],
        (String) row[6],
        (String) row[7],
        CapabilitiesView.of(AcceptedCapabilities.fromJson((String) row[8])),
        CapabilitiesView.of(AcceptedCapabilities.fromJson((String) row[9])),
        ((Timestamp) row[10]).toInstant());
  }

  private void delete(UUID id) {
    entityManager
        .createNativeQuery("delete from plugin_update where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Removes an uploaded plugin from every node. */
  @Transactional
  @AsPlatform
  public void remove(Caller caller, String pluginId, String address) {
    authorization.platformAdmin(caller);
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
    pluginHost.uninstall(pluginId);
    audit.record(null, caller.userId(), Action.PLUGIN_REMOVED, pluginId, address);
    changed.fire(new PluginSetChanged("removed " + pluginId));
  }

  /** Stops a plugin on every node, cancelling its running calls, or starts it again. */
  @Transactional
  @AsPlatform
  public PluginView setActive(Caller caller, String pluginId, boolean active, String address) {
    authorization.platformAdmin(caller);
    installed(pluginId);
    bundles.setStopped(pluginId, !active);
    try {
      pluginHost.setActive(pluginId, active);
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
    return PluginView.of(installed(pluginId));
  }

  /**
   * Brings this node's plugin host in line with the database: trusted publishers, uploaded jars
   * (installed, replaced or removed) and stopped plugins. Runs at start and whenever another node
   * announces a change.
   */
  @Transactional
  public void synchronize() {
    publishers.reload();
    capabilities.reload();
    PluginHost host = pluginHost;
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
    host.retryHeld();
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

  /**
   * Copies an upload to a temporary file, refusing it once it passes the size limit; the caller
   * deletes the file.
   */
  public static Path stage(InputStream jar) {
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
    return pluginHost
        .plugin(pluginId)
        .orElseThrow(
            () -> Rejection.of(Rejection.Kind.NOT_FOUND, "No plugin with this id is installed."));
  }
}
