package io.protohive.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins folder watched on a real file system. */
class PluginFolderTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir Path folder;

  private final List<Path> changed = new CopyOnWriteArrayList<>();
  private final List<Path> removed = new CopyOnWriteArrayList<>();
  private PluginFolder watched;

  @AfterEach
  void stop() {
    if (watched != null) {
      watched.close();
    }
  }

  @Test
  void jarsAlreadyInTheFolderAreReportedAtTheStart() throws Exception {
    Path present = Files.writeString(folder.resolve("present.jar"), "jar");

    watch();

    await().atMost(PATIENCE).until(() -> changed.contains(present));
  }

  @Test
  void aJarDroppedInIsReportedAndSoIsItsRemoval() throws Exception {
    watch();

    Path dropped = Files.writeString(folder.resolve("dropped.jar"), "jar");
    await().atMost(PATIENCE).until(() -> changed.contains(dropped));

    Files.delete(dropped);
    await().atMost(PATIENCE).until(() -> removed.contains(dropped));
  }

  @Test
  void filesThatAreNoJarsAreNotReported() throws Exception {
    watch();

    Files.writeString(folder.resolve("notes.txt"), "not a plugin");
    Path jar = Files.writeString(folder.resolve("after.jar"), "jar");
    await().atMost(PATIENCE).until(() -> changed.contains(jar));

    assertThat(changed).containsOnly(jar);
  }

  private void watch() throws Exception {
    watched = PluginFolder.watch(folder, changed::add, removed::add);
  }
}
