package io.protohive.app.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.protohive.kernel.plugin.BundleArchive;
import io.protohive.kernel.plugin.PluginHost;
import io.protohive.kernel.plugin.PluginInfo;
import io.protohive.plugin.api.Tool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Felix host with the bundles the WAR ships, staged by the build under target/osgi. */
class PluginHostTest {

  private static final Path STAGED = Path.of("target/osgi/WEB-INF/osgi");
  private static final Duration HOT_DEPLOY = Duration.ofSeconds(30);

  @TempDir Path work;

  private PluginHost host;

  @AfterEach
  void stopHost() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void startsTheBundledClockToolAsAnOsgiService() throws Exception {
    host = start(archives("plugins"));

    assertThat(host.isRunning()).isTrue();
    assertThat(host.plugins())
        .extracting(PluginInfo::symbolicName, PluginInfo::state, PluginInfo::source)
        .containsExactly(tuple("io.protohive.plugins.tool-clock", "ACTIVE", "bundled"));
    await().atMost(HOT_DEPLOY).until(() -> !host.tools().isEmpty());
    Tool clock = host.tools().get(0);
    assertThat(clock.id()).isEqualTo("clock.now");
    assertThat(clock.invoke(Map.of("zone", "Nowhere/Never"))).startsWith("Unknown time zone");
  }

  @Test
  void installsAndRemovesAJarDroppedIntoThePluginsFolder() throws Exception {
    host = start(List.of());
    assertThat(host.plugins()).isEmpty();

    Path dropped = pluginsFolder().resolve("tool-clock.jar");
    Files.copy(STAGED.resolve("plugins/tool-clock.jar"), dropped);
    await()
        .atMost(HOT_DEPLOY)
        .until(
            () ->
                host.plugins().stream()
                    .anyMatch(p -> p.source().equals("folder") && p.state().equals("ACTIVE")));
    await().atMost(HOT_DEPLOY).until(() -> host.tools().size() == 1);

    Files.delete(dropped);
    await().atMost(HOT_DEPLOY).until(() -> host.plugins().isEmpty() && host.tools().isEmpty());
  }

  @Test
  void aBundleThatCannotResolveDisturbsNothingElse() throws Exception {
    Path broken = work.resolve("broken.jar");
    writeBundle(broken, "test.broken", "org.example.missing");
    List<BundleArchive> plugins =
        Stream.concat(
                archives("plugins").stream(),
                Stream.of(new BundleArchive("broken.jar", broken.toUri().toURL())))
            .toList();

    host = start(plugins);

    assertThat(host.plugins())
        .extracting(PluginInfo::symbolicName, PluginInfo::state)
        .containsExactly(
            tuple("io.protohive.plugins.tool-clock", "ACTIVE"), tuple("test.broken", "INSTALLED"));
  }

  private PluginHost start(List<BundleArchive> plugins) throws IOException {
    return PluginHost.start(archives("framework"), plugins, pluginsFolder(), work.resolve("cache"));
  }

  private Path pluginsFolder() {
    return work.resolve("plugins");
  }

  private static List<BundleArchive> archives(String folder) throws IOException {
    try (Stream<Path> jars = Files.list(STAGED.resolve(folder))) {
      return jars.sorted()
          .map(jar -> new BundleArchive(jar.getFileName().toString(), toUrl(jar)))
          .toList();
    }
  }

  private static URL toUrl(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void writeBundle(Path jar, String symbolicName, String importedPackage)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Bundle-ManifestVersion", "2");
    attributes.putValue("Bundle-SymbolicName", symbolicName);
    attributes.putValue("Import-Package", importedPackage);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // a manifest is all a bundle needs to be installed
    }
  }
}
