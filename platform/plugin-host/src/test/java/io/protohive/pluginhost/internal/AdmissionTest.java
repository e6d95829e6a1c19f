package io.protohive.pluginhost.internal;

import static io.protohive.pluginhost.internal.Signing.certificate;
import static io.protohive.pluginhost.internal.Signing.keys;
import static io.protohive.pluginhost.internal.Signing.sign;
import static io.protohive.pluginhost.internal.Signing.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.plugin.api.PluginManifest;
import io.protohive.pluginhost.Certificates;
import io.protohive.pluginhost.PluginRefused;
import io.protohive.pluginhost.TrustPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/**
 * The checks a bundle passes before the host installs it, on bundles built and signed here: a
 * trusted signature, an OSGi manifest with the plugin metadata, and an SPI range this host offers.
 */
class AdmissionTest {

  private static final X500Name PUBLISHER = new X500Name("CN=Acme Plugins, O=Acme");
  private static final Version SPI = new Version(1, 3, 0);
  private static final String SPI_PACKAGE = PluginManifest.class.getPackageName();

  private static KeyPair publisherKeys;
  private static X509Certificate publisher;

  @TempDir Path work;

  @BeforeAll
  static void publisher() throws Exception {
    publisherKeys = keys();
    publisher =
        certificate(
            PUBLISHER,
            PUBLISHER,
            publisherKeys,
            publisherKeys,
            Instant.now().minus(Duration.ofDays(1)),
            true,
            null);
  }

  @Test
  void aBundleSignedByATrustedPublisherIsAdmittedWithWhatItDeclares() throws Exception {
    Map<String, String> headers = bundleHeaders();
    headers.put("Bundle-Name", "Acme tool");
    headers.put("Bundle-Version", "1.2.3");
    headers.put("Bundle-Vendor", "Acme");
    headers.put(PluginManifest.NETWORK_HOSTS, "api.acme.io, *.acme.net");
    headers.put(PluginManifest.EXECUTES_CODE, "true");
    headers.put(PluginManifest.CONSEQUENTIAL_TOOLS, "acme.send");
    Path jar = signedByPublisher(bundle(headers));

    Admission.Admitted admitted = admission(trusting(publisher)).admit(jar);

    assertThat(admitted.id()).isEqualTo("io.acme.tool");
    assertThat(admitted.name()).isEqualTo("Acme tool");
    assertThat(admitted.version()).isEqualTo("1.2.3");
    assertThat(admitted.vendor()).isEqualTo("Acme");
    assertThat(admitted.spiRange()).isEqualTo("[1.0.0,2.0.0)");
    assertThat(admitted.sha256()).isEqualTo(Admission.sha256(jar)).hasSize(64);
    assertThat(admitted.signer().fingerprint()).isEqualTo(Certificates.fingerprint(publisher));
    assertThat(admitted.capabilities().networkHosts()).containsExactly("api.acme.io", "*.acme.net");
    assertThat(admitted.capabilities().executesCode()).isTrue();
    assertThat(admitted.capabilities().consequentialTools()).containsExactly("acme.send");
  }

  @Test
  void anUnsignedBundleIsRefused() throws Exception {
    Path jar = bundle(bundleHeaders());

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not signed");
  }

  @Test
  void anUnsignedBundleIsAdmittedWithoutASignerOnlyWhenThePolicyAcceptsUnsigned() throws Exception {
    Path jar = bundle(bundleHeaders());
    TrustPolicy development =
        new TrustPolicy() {
          @Override
          public List<X509Certificate> trustedCertificates() {
            return List.of(publisher);
          }

          @Override
          public boolean acceptsUnsigned() {
            return true;
          }
        };

    Admission.Admitted admitted = admission(development).admit(jar);

    assertThat(admitted.id()).isEqualTo("io.acme.tool");
    assertThat(admitted.signer()).isNull();
  }

  @Test
  void aBundleSignedByAnUntrustedPublisherIsRefused() throws Exception {
    KeyPair strangerKeys = keys();
    X509Certificate stranger =
        certificate(
            new X500Name("CN=Stranger"),
            new X500Name("CN=Stranger"),
            strangerKeys,
            strangerKeys,
            Instant.now().minus(Duration.ofDays(1)),
            true,
            null);
    Path jar = sign(bundle(bundleHeaders()), strangerKeys, List.of(stranger), "STRANGER");

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not a trusted publisher");
  }

  @Test
  void aBundleSignedWithAForgedCertificateInThePublishersNameIsRefused() throws Exception {
    KeyPair forger = keys();
    X509Certificate lookalike =
        certificate(
            PUBLISHER,
            PUBLISHER,
            forger,
            forger,
            Instant.now().minus(Duration.ofDays(1)),
            true,
            null);
    Path jar = sign(bundle(bundleHeaders()), forger, List.of(lookalike), "SIGNER");

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not a trusted publisher");
  }

  @Test
  void aBundleChangedAfterSigningIsRefused() throws Exception {
    Path signed = signedByPublisher(bundle(bundleHeaders()));
    Path tampered = work.resolve("tampered.jar");
    try (ZipFile in = new ZipFile(signed.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (ZipEntry entry : in.stream().toList()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        byte[] bytes = in.getInputStream(entry).readAllBytes();
        out.write(
            entry.getName().equals("io/acme/Tool.class")
                ? "something else".getBytes(StandardCharsets.UTF_8)
                : bytes);
        out.closeEntry();
      }
    }

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(tampered))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("tampered with");
  }

  @Test
  void aSignedJarThatIsNoOsgiBundleIsRefused() throws Exception {
    Map<String, String> headers = bundleHeaders();
    headers.remove("Bundle-ManifestVersion");
    Path jar = signedByPublisher(bundle(headers));

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not an OSGi bundle");
  }

  @Test
  void aBundleForAnotherSpiVersionIsRefusedNamingBoth() throws Exception {
    Map<String, String> headers = bundleHeaders();
    headers.put("Import-Package", SPI_PACKAGE + ";version=\"[2.0,3)\"");
    Path jar = signedByPublisher(bundle(headers));

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("[2.0.0,3.0.0)")
        .hasMessageContaining("1.3.0");
  }

  @Test
  void aNetworkHostThatIsNoHostPatternIsRefused() throws Exception {
    Map<String, String> headers = bundleHeaders();
    headers.put(PluginManifest.NETWORK_HOSTS, "http://api.acme.io/v1");
    Path jar = signedByPublisher(bundle(headers));

    assertThatThrownBy(() -> admission(trusting(publisher)).admit(jar))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("http://api.acme.io/v1")
        .hasMessageContaining("is not a host");
  }

  private static Admission admission(TrustPolicy trust) {
    return new Admission(trust, SPI);
  }

  private static Map<String, String> bundleHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", "io.acme.tool;singleton:=true");
    headers.put("Import-Package", SPI_PACKAGE + ";version=\"[1.0,2)\",org.osgi.framework");
    return headers;
  }

  private Path signedByPublisher(Path jar) throws Exception {
    return sign(jar, publisherKeys, List.of(publisher), "SIGNER");
  }

  private Path bundle(Map<String, String> headers) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
    Path jar = Files.createTempFile(work, "bundle-", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("io/acme/Tool.class"));
      out.write("not really a class".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
