package io.protohive.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitialAdminPasswordTest {

  @TempDir Path folder;

  @Test
  void writesThePasswordReadableByItsOwnerOnly() throws Exception {
    Path file = InitialAdminPassword.write(folder, "s3cret");

    assertThat(file).hasFileName("initial-admin-password").hasContent("s3cret");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
