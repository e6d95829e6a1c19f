package io.protohive.plugin.testkit;

import io.protohive.plugin.api.Configuration;
import io.protohive.plugin.api.ToolContext;
import io.protohive.pluginhost.CapabilityRecord;
import io.protohive.pluginhost.Origin;
import io.protohive.pluginhost.PluginCalls;
import io.protohive.pluginhost.PluginDescriptor;
import io.protohive.pluginhost.PluginHost;
import io.protohive.pluginhost.PluginHostFailure;
import io.protohive.pluginhost.PluginRefused;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolOutcome;
import io.protohive.pluginhost.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A real plugin host, as the platform runs it, in a temporary folder: install a plugin jar, call
 * its tools, uninstall it. Plugin authors use it in their own tests; {@link PluginContract} uses it
 * for the checks every plugin must pass.
 */
public final class PluginSandbox implements AutoCloseable {

  private final PluginHost host;

  private PluginSandbox(PluginHost host) {
    this.host = host;
  }

  /**
   * Starts a host that trusts the given publisher certificate.
   *
   * @param work an empty folder the host may use
   */
  public static PluginSandbox start(Path work, X509Certificate publisher)
      throws IOException, PluginHostFailure {
    TrustPolicy trust =
        new TrustPolicy() {
          @Override
          public List<X509Certificate> trustedCertificates() {
            return List.of(publisher);
          }

          @Override
          public boolean acceptsUnsigned() {
            return false;
          }
        };
    return new PluginSandbox(
        PluginHost.start(
            new PluginHost.Settings(
                FrameworkBundles.fromClassPath(),
                Files.createDirectories(work.resolve("plugins")),
                work,
                trust,
                CapabilityRecord.inMemory(),
                List.of(),
                new PluginCalls.Limits(8, 4, 8),
                new PluginCalls.Limits(8, 8, 8)),
            List.of()));
  }

  /**
   * The certificate that signed a jar: the kit trusts the plugin's own signer, since which
   * publishers to trust is an operator's decision, not a contract.
   *
   * @throws IllegalArgumentException when the jar is not signed
   */
  public static X509Certificate signerOf(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile(), true)) {
      for (JarEntry entry : file.stream().toList()) {
        if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
          continue;
        }
        try (InputStream in = file.getInputStream(entry)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
        CodeSigner[] signers = entry.getCodeSigners();
        if (signers != null && signers.length > 0) {
          return (X509Certificate) signers[0].getSignerCertPath().getCertificates().get(0);
        }
      }
    }
    throw new IllegalArgumentException(jar + " is not signed: sign it with jarsigner");
  }

  public PluginDescriptor install(Path jar) throws PluginRefused {
    return host.install(Origin.UPLOADED, jar);
  }

  public void uninstall(String pluginId) {
    host.uninstall(pluginId);
  }

  public List<PluginTool> tools() {
    return host.tools();
  }

  public PluginHost host() {
    return host;
  }

  /** Calls a tool the way the platform does, on its executor with a deadline. */
  public ToolOutcome call(
      PluginTool tool,
      Map<String, Object> arguments,
      Map<String, String> configuration,
      Duration timeout) {
    return host.calls()
        .call(
            tool,
            arguments,
            ToolContext.builder(UUID.randomUUID()).configuration(Configuration.of(configuration)),
            timeout);
  }

  @Override
  public void close() {
    host.close();
  }
}
