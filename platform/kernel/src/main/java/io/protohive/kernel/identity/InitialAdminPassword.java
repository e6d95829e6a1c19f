package io.protohive.kernel.identity;

import io.protohive.kernel.platform.StartupFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** A generated first password for the platform admin, kept in a file only its owner can read. */
public final class InitialAdminPassword {

  public static final String FILE_NAME = "initial-admin-password";
  private static final int RANDOM_BYTES = 18;

  private InitialAdminPassword() {}

  public static String generate() {
    byte[] bytes = new byte[RANDOM_BYTES];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes the password to {@code dataFolder/initial-admin-password} with mode 600. */
  public static Path write(Path dataFolder, String password) {
    Path file = dataFolder.resolve(FILE_NAME);
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new StartupFailure("cannot write " + file + ": " + e.getMessage());
    }
  }
}
