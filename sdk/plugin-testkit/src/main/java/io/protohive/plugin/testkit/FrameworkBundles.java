package io.protohive.plugin.testkit;

import io.protohive.pluginhost.BundleArchive;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;

/**
 * The infrastructure bundles the platform installs into Felix (Declarative Services and what it
 * needs), found on the test class path, so the kit's framework is the platform's.
 */
final class FrameworkBundles {

  private FrameworkBundles() {}

  static List<BundleArchive> fromClassPath() {
    return Stream.of(
            "org.osgi.util.function.Function",
            "org.osgi.util.promise.Promise",
            "org.osgi.service.component.ComponentConstants",
            "org.apache.felix.scr.info.ScrInfo")
        .map(FrameworkBundles::archiveOf)
        .toList();
  }

  private static BundleArchive archiveOf(String className) {
    try {
      URL jar =
          Class.forName(className, false, FrameworkBundles.class.getClassLoader())
              .getProtectionDomain()
              .getCodeSource()
              .getLocation();
      String path = jar.getPath();
      return new BundleArchive(path.substring(path.lastIndexOf('/') + 1), jar);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "The plugin test kit needs " + className + " on the test class path", e);
    }
  }
}
