package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiskFileStoreTest extends FileStoreContract {

  private DiskFileStore store;
  private Path root;

  @BeforeEach
  void openStore() {
    root = folder.resolve("files");
    store = new DiskFileStore(root);
  }

  @Override
  FileStore store() {
    return store;
  }

  @Test
  void anObjectIsAFileAtItsKeysPathAndNoTemporaryFileStays() throws IOException {
    String key = write(CONTENT);

    assertThat(root.resolve(key)).hasSize(CONTENT.length);
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).containsExactly(root.resolve(key));
    }
  }
}
