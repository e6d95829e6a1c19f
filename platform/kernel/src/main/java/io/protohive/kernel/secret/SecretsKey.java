package io.protohive.kernel.secret;

import io.protohive.kernel.platform.StartupFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the key that encrypts secrets comes from: {@code protohive.secrets.key} (Base64 of 32
 * bytes) when set, which every node of a cluster must share; otherwise a key generated once into
 * the data folder, readable by the server's user only.
 */
public final class SecretsKey {

  private static final Logger LOG = Logger.getLogger(SecretsKey.class.getName());
  static final String FILE = "secrets.key";

  private SecretsKey() {}

  public static SecretBox load(Optional<String> configured, Path dataDir) {
    try {
      if (configured.isPresent()) {
        return new SecretBox(Base64.getDecoder().decode(configured.get().trim()));
      }
      Path file = dataDir.resolve(FILE);
      if (!Files.exists(file)) {
        Files.writeString(file, SecretBox.newKey(), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LOG.warning(
            () ->
                "Generated the secrets key in "
                    + file
                    + ". Nodes of a cluster must share one: set PROTOHIVE_SECRETS_KEY.");
      }
      return new SecretBox(Base64.getDecoder().decode(Files.readString(file).trim()));
    } catch (IllegalArgumentException e) {
      throw new StartupFailure("the secrets key is not Base64 of 32 bytes: " + e.getMessage());
    } catch (IOException e) {
      throw new StartupFailure("the secrets key in " + dataDir + " is unreadable: " + e);
    }
  }
}
