package io.protohive.kernel.file;

import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Receives an upload into a temporary file under the data folder, counting and hashing as it goes
 * and refusing it the moment it passes the size limit, so that an oversized upload neither fills
 * the disk nor reaches the store. No transaction is open while the bytes arrive.
 */
@ApplicationScoped
public class UploadSpool {

  private static final int BUFFER = 64 * 1024;

  @Inject PlatformSettings settings;
  @Inject FileLimits limits;

  private Path folder;

  @PostConstruct
  void prepare() {
    folder = settings.dataDir().resolve("tmp").resolve("uploads");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("the upload folder cannot be made", e);
    }
  }

  /**
   * The upload's bytes, spooled.
   *
   * @param name the name the uploader gave, a hint for the type only
   * @throws Rejection when the upload is empty or larger than a file may be
   */
  public SpooledUpload receive(InputStream content, String name) {
    Path spooled;
    try {
      spooled = Files.createTempFile(folder, "upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("an upload cannot be received", e);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spooled), digest)) {
        byte[] buffer = new byte[BUFFER];
        for (int read; (read = content.read(buffer)) != -1; ) {
          size += read;
          if (size > limits.maxFileBytes()) {
            throw Rejection.of(
                Rejection.Kind.TOO_LARGE,
                "A file has at most " + Sizes.readable(limits.maxFileBytes()) + ".");
          }
          out.write(buffer, 0, read);
        }
      }
      if (size == 0) {
        throw Rejection.invalid("file", "The file is empty.");
      }
      return new SpooledUpload(
          spooled, size, HexFormat.of().formatHex(digest.digest()), detect(spooled, name));
    } catch (IOException e) {
      delete(spooled);
      throw new UncheckedIOException("an upload was cut off", e);
    } catch (NoSuchAlgorithmException e) {
      delete(spooled);
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      delete(spooled);
      throw e;
    }
  }

  private static String detect(Path file, String name) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ContentTypes.detect(in, name);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // removed with the folder at the next start
    }
  }
}
