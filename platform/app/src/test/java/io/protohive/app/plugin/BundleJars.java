package io.protohive.app.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.CertificateFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.security.jarsigner.JarSigner;

/**
 * Variants of a signed plugin jar for the tests: re-signed with another key, stripped of its
 * signature, tampered with after signing, or with changed manifest headers.
 */
public final class BundleJars {

  /** The key the build signs the bundled plugins with. */
  public static final Key DEVELOPMENT =
      new Key(
          Path.of(System.getProperty("it.signing.keystore", "../../sdk/signing/development.p12")),
          "protohive-development",
          "protohive-dev");

  /** A key no installation trusts. */
  public static final Key UNTRUSTED =
      new Key(Path.of("src/test/signing/untrusted.p12"), "untrusted", "untrusted");

  /** A partner's key, whose certificate {@code partner.pem} an admin may trust. */
  public static final Key PARTNER =
      new Key(Path.of("src/test/signing/partner.p12"), "partner", "partner");

  public static final Path PARTNER_CERTIFICATE = Path.of("src/test/signing/partner.pem");

  private BundleJars() {}

  /** A PKCS#12 key store with one signing key. */
  public record Key(Path keystore, String alias, String password) {}

  /** The jar without any signature. */
  public static Path unsigned(Path jar, Path out) throws IOException {
    return rewrite(jar, out, Map.of());
  }

  /** The jar re-signed by {@code key}. */
  public static Path signedBy(Path jar, Key key, Path out) throws IOException {
    Path plain = unsigned(jar, Files.createTempFile("unsigned-", ".jar"));
    try {
      return sign(plain, key, out);
    } finally {
      Files.deleteIfExists(plain);
    }
  }

  /** The jar with changed manifest headers, signed by {@code key}. */
  public static Path withHeaders(Path jar, Map<String, String> headers, Key key, Path out)
      throws IOException {
    Path plain = rewrite(jar, Files.createTempFile("changed-", ".jar"), headers);
    try {
      return sign(plain, key, out);
    } finally {
      Files.deleteIfExists(plain);
    }
  }

  /** The signed jar, byte for byte, except one class changed after signing. */
  public static Path tampered(Path jar, Path out) throws IOException {
    boolean changed = false;
    try (ZipFile in = new ZipFile(jar.toFile());
        ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry entry : in.stream().toList()) {
        byte[] content = in.getInputStream(entry).readAllBytes();
        if (!changed && entry.getName().endsWith(".class")) {
          content = Arrays.copyOf(content, content.length + 1);
          changed = true;
        }
        target.putNextEntry(new ZipEntry(entry.getName()));
        target.write(content);
        target.closeEntry();
      }
    }
    return out;
  }

  private static Path sign(Path jar, Key key, Path out) throws IOException {
    try (InputStream in = Files.newInputStream(key.keystore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, key.password().toCharArray());
      PrivateKey privateKey = (PrivateKey) store.getKey(key.alias(), key.password().toCharArray());
      CertPath chain =
          CertificateFactory.getInstance("X.509")
              .generateCertPath(Arrays.asList(store.getCertificateChain(key.alias())));
      JarSigner signer = new JarSigner.Builder(privateKey, chain).build();
      try (ZipFile zip = new ZipFile(jar.toFile());
          OutputStream sink = Files.newOutputStream(out)) {
        signer.sign(zip, sink);
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign with " + key.keystore(), e);
    }
  }

  /** Copies a jar without its signature files and per-entry digests, changing headers. */
  private static Path rewrite(Path jar, Path out, Map<String, String> headers) throws IOException {
    try (JarFile in = new JarFile(jar.toFile(), false)) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getEntries().clear();
      Attributes main = manifest.getMainAttributes();
      headers.forEach(main::putValue);
      try (JarOutputStream target = new JarOutputStream(Files.newOutputStream(out), manifest)) {
        for (JarEntry entry : in.stream().toList()) {
          String name = entry.getName().toUpperCase(Locale.ROOT);
          if (name.equals("META-INF/MANIFEST.MF")
              || (name.startsWith("META-INF/") && isSignature(name))) {
            continue;
          }
          target.putNextEntry(new JarEntry(entry.getName()));
          target.write(in.getInputStream(entry).readAllBytes());
          target.closeEntry();
        }
      }
    }
    return out;
  }

  private static boolean isSignature(String upperName) {
    return upperName.endsWith(".SF")
        || upperName.endsWith(".EC")
        || upperName.endsWith(".RSA")
        || upperName.endsWith(".DSA");
  }
}
