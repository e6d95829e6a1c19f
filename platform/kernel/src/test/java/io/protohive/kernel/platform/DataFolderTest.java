package io.protohive.kernel.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

  @TempDir Path root;

  @Test
  void createsAMissingFolder() {
    Path folder = root.resolve("a/b/data");

    assertThat(DataFolder.prepare(folder)).isDirectory();
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void namesAFolderThatCannotBeWritten() throws Exception {
    // a folder inside a regular file cannot exist, whoever runs the test (root included)
    Path file = Files.writeString(root.resolve("file"), "x");
    Path folder = file.resolve("data");

    assertThatThrownBy(() -> DataFolder.prepare(folder))
        .isInstanceOf(StartupFailure.class)
        .hasMessageStartingWith("data folder " + folder + " is not writable")
        .hasMessageContaining("PROTOHIVE_DATA_DIR");
  }

  @Test
  void startupFailuresCarryNoStackTrace() {
    assertThat(new StartupFailure("x").getStackTrace()).isEmpty();
  }
}
