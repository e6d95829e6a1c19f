package io.protohive.pluginhost.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Watches the plugins folder for jars that appear, change or disappear. A file is reported once it
 * has been quiet for a moment, so a jar still being copied is not read half-written.
 */
public final class PluginFolder implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PluginFolder.class.getName());
  private static final long QUIET_MILLIS = 50;

  private final Path folder;
  private final WatchService watcher;
  private final ScheduledExecutorService scheduler;
  private final Map<Path, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private final Consumer<Path> changed;
  private final Consumer<Path> removed;

  private PluginFolder(Path folder, Consumer<Path> changed, Consumer<Path> removed)
      throws IOException {
    this.folder = folder;
    this.changed = changed;
    this.removed = removed;
    this.watcher = folder.getFileSystem().newWatchService();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "protohive-plugin-folder");
              thread.setDaemon(true);
              return thread;
            });
    folder.register(
        watcher,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
  }

  /**
   * Reports the jars already in the folder, then every change.
   *
   * @param changed called with a jar that appeared or changed, on the watcher's thread
   * @param removed called with a jar that disappeared, on the watcher's thread
   */
  public static PluginFolder watch(Path folder, Consumer<Path> changed, Consumer<Path> removed)
      throws IOException {
    Files.createDirectories(folder);
    PluginFolder watched = new PluginFolder(folder, changed, removed);
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
      for (Path jar : jars) {
        watched.schedule(jar, true);
      }
    }
    Thread loop = new Thread(watched::run, "protohive-plugin-folder-watch");
    loop.setDaemon(true);
    loop.start();
    return watched;
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            rescan();
            continue;
          }
          Path file = folder.resolve((Path) event.context());
          if (file.getFileName().toString().endsWith(".jar")) {
            schedule(file, event.kind() != StandardWatchEventKinds.ENTRY_DELETE);
          }
        }
        key.reset();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: the host is stopping
    }
  }

  private void rescan() {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
      jars.forEach(jar -> schedule(jar, true));
    } catch (IOException e) {
      LOG.warning(() -> "The plugins folder cannot be read: " + e.getMessage());
    }
  }

  private void schedule(Path file, boolean present) {
    ScheduledFuture<?> next =
        scheduler.schedule(
            () -> {
              pending.remove(file);
              if (present && Files.isRegularFile(file)) {
                changed.accept(file);
              } else if (!Files.exists(file)) {
                removed.accept(file);
              }
            },
            QUIET_MILLIS,
            TimeUnit.MILLISECONDS);
    ScheduledFuture<?> previous = pending.put(file, next);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      watcher.close();
    } catch (IOException e) {
      LOG.fine(() -> "Watch service did not close: " + e.getMessage());
    }
  }
}
