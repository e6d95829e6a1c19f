package io.protohive.pluginhost;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a bundle's JAR signature: every entry signed, nothing changed since signing, and the
 * signer trusted.
 */
final class BundleSignature {

  private BundleSignature() {}

  /**
   * The trusted signer of the jar, or {@code null} for an unsigned jar the policy accepts.
   *
   * @throws PluginRefused when the jar is unsigned, partly signed, tampered with or signed by a
   *     certificate the policy does not trust
   */
  static Signer verify(Path jar, TrustPolicy policy) throws PluginRefused {
    Set<CodeSigner> common = null;
    String unsignedEntry = null;
    try (JarFile file = new JarFile(jar.toFile(), true)) {
      for (JarEntry entry : file.stream().toList()) {
        if (entry.isDirectory() || isSignatureFile(entry.getName())) {
          continue;
        }
        // reading the entry makes the JDK compare it against its signed digest
        try (InputStream in = file.getInputStream(entry)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
        CodeSigner[] signers = entry.getCodeSigners();
        if (signers == null || signers.length == 0) {
          unsignedEntry = unsignedEntry == null ? entry.getName() : unsignedEntry;
          continue;
        }
        Set<CodeSigner> these = new HashSet<>(Arrays.asList(signers));
        if (common == null) {
          common = these;
        } else {
          common.retainAll(these);
        }
      }
    } catch (SecurityException e) {
      throw new PluginRefused("The bundle was tampered with after signing: " + e.getMessage());
    } catch (IOException e) {
      throw new PluginRefused("The file is not a readable jar: " + e.getMessage());
    }
    if (common == null) {
      if (policy.acceptsUnsigned()) {
        return null;
      }
      throw new PluginRefused("The bundle is not signed. Sign it with jarsigner.");
    }
    if (unsignedEntry != null) {
      throw new PluginRefused(
          "The bundle was tampered with after signing: " + unsignedEntry + " is not signed.");
    }
    if (common.isEmpty()) {
      throw new PluginRefused("The bundle's entries are not all signed by the same signer.");
    }
    return trustedSigner(common, policy.trustedCertificates());
  }

  private static Signer trustedSigner(Set<CodeSigner> signers, List<X509Certificate> trusted)
      throws PluginRefused {
    X509Certificate leaf = null;
    for (CodeSigner signer : signers) {
      List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
      leaf = (X509Certificate) chain.get(0);
      for (Certificate certificate : chain) {
        for (X509Certificate anchor : trusted) {
          if (certificate.equals(anchor) || issuedBy((X509Certificate) certificate, anchor)) {
            return Signer.of(leaf);
          }
        }
      }
    }
    Signer untrusted = Signer.of(leaf);
    throw new PluginRefused(
        "The bundle is signed by "
            + untrusted.subject()
            + " (SHA-256 "
            + untrusted.fingerprint()
            + "), which is not a trusted publisher.");
  }

  private static boolean issuedBy(X509Certificate certificate, X509Certificate anchor) {
    if (!certificate.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
      return false;
    }
    try {
      certificate.verify(anchor.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean isSignatureFile(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
      return false;
    }
    return upper.equals("META-INF/MANIFEST.MF")
        || upper.endsWith(".SF")
        || upper.endsWith(".RSA")
        || upper.endsWith(".DSA")
        || upper.endsWith(".EC")
        || upper.startsWith("META-INF/SIG-");
  }

  /** Who signed a bundle. */
  record Signer(String subject, String fingerprint) {
    static Signer of(X509Certificate certificate) {
      return new Signer(
          certificate.getSubjectX500Principal().getName(), Certificates.fingerprint(certificate));
    }
  }
}
