package io.protohive.pluginhost.internal;

import io.protohive.pluginhost.TrustPolicy;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Keys, certificates and jar signatures made in the tests, as a publisher or a forger would. */
final class Signing {

  private Signing() {}

  static TrustPolicy trusting(X509Certificate... certificates) {
    return new TrustPolicy() {
      @Override
      public List<X509Certificate> trustedCertificates() {
        return Arrays.asList(certificates);
      }

      @Override
      public boolean acceptsUnsigned() {
        return false;
      }
    };
  }

  /** A certificate for {@code subjectKeys}, signed with {@code issuerKeys}, valid 365 days. */
  static X509Certificate certificate(
      X500Name subject,
      X500Name issuer,
      KeyPair subjectKeys,
      KeyPair issuerKeys,
      Instant notBefore,
      boolean authority,
      KeyPurposeId purpose)
      throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(System.nanoTime()),
            Date.from(notBefore),
            Date.from(notBefore.plus(Duration.ofDays(365))),
            subject,
            subjectKeys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
    if (authority) {
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
    }
    if (purpose != null) {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
  }

  static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  /** The jar signed with {@code keys} as {@code name}, carrying {@code chain}, beside it. */
  static Path sign(Path jar, KeyPair keys, List<X509Certificate> chain, String name)
      throws Exception {
    Path signed = Files.createTempFile(jar.getParent(), "signed-", ".jar");
    JarSigner signer =
        new JarSigner.Builder(
                keys.getPrivate(), CertificateFactory.getInstance("X.509").generateCertPath(chain))
            .signerName(name)
            .build();
    try (ZipFile zip = new ZipFile(jar.toFile());
        OutputStream out = Files.newOutputStream(signed)) {
      signer.sign(zip, out);
    }
    return signed;
  }
}
