package io.protohive.pluginhost.internal;

import io.protohive.plugin.api.HostPattern;
import io.protohive.plugin.api.PluginManifest;
import io.protohive.pluginhost.Capabilities;
import io.protohive.pluginhost.PluginRefused;
import io.protohive.pluginhost.TrustPolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The checks a jar passes before the host installs it: a trusted signature, an OSGi manifest with
 * the plugin metadata, and a plugin SPI range this host offers.
 */
public final class Admission {

  private final TrustPolicy trust;
  private final Version spiVersion;

  public Admission(TrustPolicy trust, Version spiVersion) {
    this.trust = trust;
    this.spiVersion = spiVersion;
  }

  /** What the host learned about an admitted jar. */
  public record Admitted(
      String id,
      String name,
      String version,
      String vendor,
      String description,
      String sha256,
      BundleSignature.Signer signer,
      String spiRange,
      Capabilities capabilities) {}

  public Admitted admit(Path jar) throws PluginRefused {
    String sha256 = sha256(jar);
    BundleSignature.Signer signer = BundleSignature.verify(jar, trust);
    Attributes main = manifest(jar).getMainAttributes();
    String symbolicName = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
    if (symbolicName == null || !"2".equals(main.getValue(Constants.BUNDLE_MANIFESTVERSION))) {
      throw new PluginRefused("The jar is not an OSGi bundle: it has no Bundle-SymbolicName.");
    }
    String id = ManifestClauses.name(symbolicName);
    String spiRange = spiRange(main.getValue(Constants.IMPORT_PACKAGE));
    if (spiRange != null && !new VersionRange(spiRange).includes(spiVersion)) {
      throw new PluginRefused(
          "The bundle needs plugin SPI "
              + spiRange
              + ", but this platform offers "
              + spiVersion
              + ".");
    }
    List<String> hosts = ManifestClauses.items(main.getValue(PluginManifest.NETWORK_HOSTS));
    for (String host : hosts) {
      try {
        HostPattern.parse(host);
      } catch (IllegalArgumentException e) {
        throw new PluginRefused(
            "The bundle's "
                + PluginManifest.NETWORK_HOSTS
                + " names '"
                + host
                + "', which is not a host, *.domain, host:port or *.");
      }
    }
    Capabilities capabilities =
        new Capabilities(
            hosts,
            Boolean.parseBoolean(main.getValue(PluginManifest.EXECUTES_CODE)),
            ManifestClauses.items(main.getValue(PluginManifest.CONSEQUENTIAL_TOOLS)));
    String version = main.getValue(Constants.BUNDLE_VERSION);
    return new Admitted(
        id,
        header(main, Constants.BUNDLE_NAME, id),
        version == null ? "0.0.0" : version,
        header(main, Constants.BUNDLE_VENDOR, ""),
        header(main, Constants.BUNDLE_DESCRIPTION, ""),
        sha256,
        signer,
        spiRange == null ? "" : spiRange,
        capabilities);
  }

  private static String header(Attributes main, String name, String fallback) {
    String value = main.getValue(name);
    return value == null ? fallback : value;
  }

  /** The version range of the bundle's import of the tool SPI package, or {@code null}. */
  private static String spiRange(String importPackage) throws PluginRefused {
    for (String clause : ManifestClauses.split(importPackage)) {
      if (ManifestClauses.name(clause).equals(PluginManifest.class.getPackageName())) {
        String range = ManifestClauses.attribute(clause, "version");
        try {
          return range == null ? null : new VersionRange(range).toString();
        } catch (IllegalArgumentException e) {
          throw new PluginRefused("The bundle's plugin SPI range " + range + " is malformed.");
        }
      }
    }
    return null;
  }

  private static Manifest manifest(Path jar) throws PluginRefused {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        throw new PluginRefused("The jar has no manifest.");
      }
      return manifest;
    } catch (IOException e) {
      throw new PluginRefused("The file is not a readable jar: " + e.getMessage());
    }
  }

  public static String sha256(Path jar) throws PluginRefused {
    try (DigestInputStream in =
        new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (IOException e) {
      throw new PluginRefused("The file cannot be read: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
