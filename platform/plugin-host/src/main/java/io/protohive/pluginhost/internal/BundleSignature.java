package io.protohive.pluginhost.internal;

import io.protohive.pluginhost.Certificates;
import io.protohive.pluginhost.PluginRefused;
import io.protohive.pluginhost.TrustPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks a bundle's JAR signature: every entry signed, nothing changed since signing, and the
 * signer trusted: its certificate is a trusted publisher's, or its path validates up to one (PKIX),
 * every certificate on it valid now, and the signer's certificate meant for code signing. A
 * signature outlives no certificate: an expired one is refused, timestamp or not.
 */
public final class BundleSignature {

  private static final String CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
  private static final String ANY_PURPOSE = "2.5.29.37.0";

  private BundleSignature() {}

  /**
   * The trusted signer of the jar, or {@code null} for an unsigned jar the policy accepts.
   *
   * @throws PluginRefused when the jar is unsigned, partly signed, tampered with or signed by a
   *     certificate the policy does not trust
   */
  public static Signer verify(Path jar, TrustPolicy policy) throws PluginRefused {
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

  /**
   * The first signer whose certificate path validates up to a trusted publisher. The path is the
   * one the jar carries, which its signer chose: it is cut before the first trusted certificate and
   * validated with PKIX, the trusted certificates as anchors, so every signature along it is
   * checked, not only the names.
   */
  private static Signer trustedSigner(Set<CodeSigner> signers, List<X509Certificate> trusted)
      throws PluginRefused {
    Date now = new Date();
    PluginRefused refusal = null;
    for (CodeSigner signer : signers) {
      List<X509Certificate> path = certificates(signer);
      X509Certificate leaf = path.get(0);
      try {
        validate(path, trusted, now);
        requireCodeSigning(leaf);
        return Signer.of(leaf);
      } catch (PluginRefused refused) {
        refusal = refusal == null ? refused : refusal;
      }
    }
    throw refusal;
  }

  private static void validate(List<X509Certificate> path, List<X509Certificate> trusted, Date now)
      throws PluginRefused {
    Signer signer = Signer.of(path.get(0));
    int anchor = 0;
    while (anchor < path.size() && !trusted.contains(path.get(anchor))) {
      anchor++;
    }
    try {
      if (anchor == 0) {
        // the signer's own certificate is trusted: nothing above it to check
        path.get(0).checkValidity(now);
        return;
      }
      Set<TrustAnchor> anchors = new HashSet<>();
      trusted.forEach(certificate -> anchors.add(new TrustAnchor(certificate, null)));
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(now);
      CertPathValidator.getInstance("PKIX")
          .validate(
              CertificateFactory.getInstance("X.509").generateCertPath(path.subList(0, anchor)),
              parameters);
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new PluginRefused(
          "The bundle's signing certificate "
              + signer.subject()
              + " expired or is not valid yet (valid "
              + path.get(0).getNotBefore().toInstant()
              + " to "
              + path.get(0).getNotAfter().toInstant()
              + "). Sign it again with a current certificate.");
    } catch (CertPathValidatorException e) {
      if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
          || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        throw new PluginRefused(
            "A certificate of the bundle's signer "
                + signer.subject()
                + " expired or is not valid yet. Sign it again with a current certificate.");
      }
      throw untrusted(signer);
    } catch (GeneralSecurityException e) {
      throw untrusted(signer);
    }
  }

  /** A signing certificate restricted to other uses (TLS servers, say) does not sign code. */
  private static void requireCodeSigning(X509Certificate leaf) throws PluginRefused {
    boolean[] keyUsage = leaf.getKeyUsage();
    List<String> purposes;
    try {
      purposes = leaf.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      purposes = List.of();
    }
    boolean signs = keyUsage == null || keyUsage[0];
    boolean forCode =
        purposes == null || purposes.contains(CODE_SIGNING) || purposes.contains(ANY_PURPOSE);
    if (!signs || !forCode) {
      throw new PluginRefused(
          "The bundle's signing certificate "
              + Signer.of(leaf).subject()
              + " is not meant for code signing.");
    }
  }

  private static PluginRefused untrusted(Signer signer) {
    return new PluginRefused(
        "The bundle is signed by "
            + signer.subject()
            + " (SHA-256 "
            + signer.fingerprint()
            + "), which is not a trusted publisher.");
  }

  private static List<X509Certificate> certificates(CodeSigner signer) {
    return signer.getSignerCertPath().getCertificates().stream()
        .map(X509Certificate.class::cast)
        .toList();
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
  public record Signer(String subject, String fingerprint) {
    static Signer of(X509Certificate certificate) {
      return new Signer(
          certificate.getSubjectX500Principal().getName(), Certificates.fingerprint(certificate));
    }
  }
}
