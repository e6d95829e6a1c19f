package io.protohive.pluginhost.internal;

import static io.protohive.pluginhost.internal.Signing.certificate;
import static io.protohive.pluginhost.internal.Signing.keys;
import static io.protohive.pluginhost.internal.Signing.sign;
import static io.protohive.pluginhost.internal.Signing.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.pluginhost.Certificates;
import io.protohive.pluginhost.PluginRefused;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature wall, attacked: each test signs a small jar with certificates made here, as a
 * forger or an honest publisher would, and asks whether the host admits it.
 */
class BundleSignatureTest {

  private static final X500Name PUBLISHER = new X500Name("CN=Acme Plugins, O=Acme");
  private static final Instant NOW = Instant.now();

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
            NOW.minus(Duration.ofDays(1)),
            true,
            null);
  }

  @Test
  void aForgedChainThatNamesThePublisherAndCarriesItsCertificateIsRefused() throws Exception {
    KeyPair forger = keys();
    X509Certificate forged =
        certificate(
            new X500Name("CN=Forger"),
            PUBLISHER,
            forger,
            forger,
            NOW.minus(Duration.ofDays(1)),
            false,
            KeyPurposeId.id_kp_codeSigning);

    Path jar = sign(plainJar(), forger, List.of(forged, publisher), "SIGNER");

    assertThatThrownBy(() -> BundleSignature.verify(jar, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not a trusted publisher");
  }

  @Test
  void aSelfSignedCertificateWithThePublishersNameIsRefused() throws Exception {
    KeyPair forger = keys();
    X509Certificate lookalike =
        certificate(
            PUBLISHER, PUBLISHER, forger, forger, NOW.minus(Duration.ofDays(1)), true, null);

    Path jar = sign(plainJar(), forger, List.of(lookalike), "SIGNER");

    assertThatThrownBy(() -> BundleSignature.verify(jar, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not a trusted publisher");
  }

  @Test
  void aLeafTrulyIssuedByATrustedPublisherIsAdmitted() throws Exception {
    KeyPair leafKeys = keys();
    X509Certificate leaf = issuedByPublisher(leafKeys, NOW.minus(Duration.ofDays(1)), true);

    Path jar = sign(plainJar(), leafKeys, List.of(leaf, publisher), "SIGNER");

    BundleSignature.Signer signer = BundleSignature.verify(jar, trusting(publisher));
    assertThat(signer.subject()).contains("CN=Acme Release");
    assertThat(signer.fingerprint()).isEqualTo(Certificates.fingerprint(leaf));
  }

  @Test
  void aLeafIssuedByATrustedPublisherWithoutItsIssuerInTheJarIsAdmitted() throws Exception {
    KeyPair leafKeys = keys();
    X509Certificate leaf = issuedByPublisher(leafKeys, NOW.minus(Duration.ofDays(1)), true);

    Path jar = sign(plainJar(), leafKeys, List.of(leaf), "SIGNER");

    assertThat(BundleSignature.verify(jar, trusting(publisher)).fingerprint())
        .isEqualTo(Certificates.fingerprint(leaf));
  }

  @Test
  void aTrustedCertificateSigningItselfIsAdmitted() throws Exception {
    Path jar = sign(plainJar(), publisherKeys, List.of(publisher), "SIGNER");

    assertThat(BundleSignature.verify(jar, trusting(publisher)).fingerprint())
        .isEqualTo(Certificates.fingerprint(publisher));
  }

  @Test
  void anExpiredLeafIsRefusedAndSaysSo() throws Exception {
    KeyPair leafKeys = keys();
    X509Certificate expired = issuedByPublisher(leafKeys, NOW.minus(Duration.ofDays(400)), true);

    Path jar = sign(plainJar(), leafKeys, List.of(expired, publisher), "SIGNER");

    assertThatThrownBy(() -> BundleSignature.verify(jar, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aLeafForAnotherPurposeThanCodeSigningIsRefused() throws Exception {
    KeyPair leafKeys = keys();
    X509Certificate serverOnly = issuedByPublisher(leafKeys, NOW.minus(Duration.ofDays(1)), false);

    Path jar = sign(plainJar(), leafKeys, List.of(serverOnly, publisher), "SIGNER");

    assertThatThrownBy(() -> BundleSignature.verify(jar, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("code signing");
  }

  @Test
  void anEntryAddedAfterSigningIsRefused() throws Exception {
    Path signed = sign(plainJar(), publisherKeys, List.of(publisher), "SIGNER");
    Path extended = work.resolve("extended.jar");
    try (ZipFile in = new ZipFile(signed.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(extended))) {
      for (ZipEntry entry : in.stream().toList()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(in.getInputStream(entry).readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry("io/acme/Extra.class"));
      out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
      out.closeEntry();
    }

    assertThatThrownBy(() -> BundleSignature.verify(extended, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("io/acme/Extra.class is not signed");
  }

  @Test
  void twoSignersOfWhichOneIsTrustedAreAdmittedAsTheTrustedOne() throws Exception {
    KeyPair strangerKeys = keys();
    X509Certificate stranger =
        certificate(
            new X500Name("CN=Stranger"),
            new X500Name("CN=Stranger"),
            strangerKeys,
            strangerKeys,
            NOW.minus(Duration.ofDays(1)),
            true,
            null);
    Path byStranger = sign(plainJar(), strangerKeys, List.of(stranger), "STRANGER");

    Path byBoth = sign(byStranger, publisherKeys, List.of(publisher), "ACME");

    assertThat(BundleSignature.verify(byBoth, trusting(publisher)).fingerprint())
        .isEqualTo(Certificates.fingerprint(publisher));
    assertThatThrownBy(() -> BundleSignature.verify(byStranger, trusting(publisher)))
        .isInstanceOf(PluginRefused.class)
        .hasMessageContaining("not a trusted publisher");
  }

  private static X509Certificate issuedByPublisher(
      KeyPair leafKeys, Instant notBefore, boolean forCodeSigning) throws Exception {
    return certificate(
        new X500Name("CN=Acme Release, O=Acme"),
        PUBLISHER,
        leafKeys,
        publisherKeys,
        notBefore,
        false,
        forCodeSigning ? KeyPurposeId.id_kp_codeSigning : KeyPurposeId.id_kp_serverAuth);
  }

  private Path plainJar() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Bundle-SymbolicName", "io.acme.tool");
    Path jar = Files.createTempFile(work, "plain-", ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry("io/acme/Tool.class"));
      out.write("not really a class".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
