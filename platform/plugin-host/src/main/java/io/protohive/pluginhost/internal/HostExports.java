package io.protohive.pluginhost.internal;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.model.chat.ChatModel;
import io.protohive.plugin.api.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

/**
 * The packages the host shares with bundles through the system bundle, with versions, so that host
 * and bundles see the same classes: the plugin API exactly as its manifest exports it, and every
 * package of LangChain4j's core and HTTP client, which provider plugins import and never embed, and
 * the SLF4J API they log through.
 */
public final class HostExports {

  private HostExports() {}

  /** The {@code org.osgi.framework.system.packages.extra} value. */
  public static String packages() throws IOException {
    List<String> clauses = new ArrayList<>();
    clauses.add(pluginApiExports());
    clauses.add(jarPackages(ChatModel.class, "dev.langchain4j", "langchain4j-core"));
    clauses.add(jarPackages(HttpClient.class, "dev.langchain4j", "langchain4j-http-client"));
    // the logging API LangChain4j's vendor modules log through; bound to the server's log
    clauses.add(jarPackages(org.slf4j.Logger.class, "org.slf4j", "slf4j-api"));
    return String.join(",", clauses);
  }

  /** The version of the tool SPI package this host offers. */
  public static Version spiVersion() {
    try {
      for (String clause : ManifestClauses.split(pluginApiExports())) {
        if (ManifestClauses.name(clause).equals(Tool.class.getPackageName())) {
          return Version.parseVersion(ManifestClauses.attribute(clause, "version"));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("the plugin API manifest cannot be read", e);
    }
    throw new IllegalStateException("the plugin API does not export its own package");
  }

  private static String pluginApiExports() throws IOException {
    try (InputStream in = jarUrl(Tool.class).openStream();
        JarInputStream jar = new JarInputStream(in)) {
      Manifest manifest = jar.getManifest();
      String exports =
          manifest == null ? null : manifest.getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
      if (exports == null) {
        throw new IOException("the plugin API jar exports no packages");
      }
      return exports;
    }
  }

  /** Every package of the jar that holds {@code anchor}, at the jar's Maven version. */
  private static String jarPackages(Class<?> anchor, String groupId, String artifactId)
      throws IOException {
    TreeSet<String> packages = new TreeSet<>();
    String version = null;
    String pomProperties = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = jarUrl(anchor).openStream();
        JarInputStream jar = new JarInputStream(in)) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        String name = entry.getName();
        if (name.equals(pomProperties)) {
          Properties properties = new Properties();
          properties.load(jar);
          version = properties.getProperty("version");
        } else if (name.endsWith(".class") && name.contains("/") && !name.startsWith("META-INF")) {
          packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
        }
      }
    }
    if (version == null) {
      throw new IOException(artifactId + " has no Maven version in its jar");
    }
    String osgiVersion = Version.parseVersion(version.replace("-SNAPSHOT", "")).toString();
    return String.join(",", packages.stream().map(p -> p + ";version=" + osgiVersion).toList());
  }

  private static URL jarUrl(Class<?> anchor) {
    return anchor.getProtectionDomain().getCodeSource().getLocation();
  }
}
