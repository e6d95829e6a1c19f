package io.protohive.kernel.provisioning;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies tenants-config at start and again whenever a file in the folder changes. A folder that no
 * longer validates is refused as a whole, with the file and field named, and the tenants stay as
 * they were.
 */
@ApplicationScoped
public class TenantsConfigWatcher {

  private static final Logger LOG = Logger.getLogger(TenantsConfigWatcher.class.getName());
  // editors write a file in several steps; wait for the burst to end before reading
  private static final long SETTLE_MILLIS = 300;

  @Inject TenantsConfigApplier applier;

  @Resource ManagedExecutorService executor;

  private final TenantsConfigReader reader = new TenantsConfigReader();
  private volatile WatchService watcher;
  private volatile Status status = new Status(null, null);

  /** When the folder was last applied, and why the last change was refused, if it was. */
  public record Status(Instant appliedAt, String error) {}

  /**
   * Applies the tenants read from the folder at start, then watches the folder for changes. The
   * plugin host must be running, as the files are checked against its plugins.
   *
   * @param tenants the folder's tenants, read and validated by the caller
   * @throws InvalidTenantsConfigException when a file refers to what the platform does not have
   */
  public void start(Path folder, List<TenantDefinition> tenants)
      throws InvalidTenantsConfigException {
    apply(tenants);
    try {
      watcher = FileSystems.getDefault().newWatchService();
      folder.register(
          watcher,
          StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
    } catch (IOException e) {
      LOG.warning(() -> "tenants-config " + folder + " is applied but not watched: " + e);
      return;
    }
    executor.submit(() -> watch(folder));
  }

  public Status status() {
    return status;
  }

  public void stop() {
    WatchService current = watcher;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        LOG.fine(() -> "closing the tenants-config watcher: " + e);
      }
    }
  }

  private void watch(Path folder) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        // collect the rest of the burst, then read the folder once
        while (key != null) {
          key.pollEvents();
          key.reset();
          key = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
        reapply(folder);
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      LOG.fine("tenants-config watcher stopped");
    }
  }

  private void reapply(Path folder) {
    try {
      apply(reader.read(folder));
      LOG.info(() -> "tenants-config " + folder + " applied after a change");
    } catch (InvalidTenantsConfigException e) {
      status = new Status(status.appliedAt(), e.getMessage());
      LOG.severe("tenants-config change refused, tenants left as they were: " + e.getMessage());
    } catch (RuntimeException e) {
      status = new Status(status.appliedAt(), "could not be applied: " + e.getMessage());
      LOG.log(Level.SEVERE, "tenants-config change could not be applied", e);
    }
  }

  private void apply(List<TenantDefinition> tenants) throws InvalidTenantsConfigException {
    applier.apply(tenants);
    status = new Status(Instant.now(), null);
  }
}
