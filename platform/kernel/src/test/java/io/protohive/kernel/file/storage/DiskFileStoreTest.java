package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  @Test
  void aFolderOfOtherObjectsIsNoObject() throws IOException {
    String key = write(CONTENT);
    String folderKey = key.substring(0, key.lastIndexOf('/'));

    assertThat(store.exists(folderKey)).isFalse();
    assertThatThrownBy(() -> store.open(folderKey)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store.size(folderKey)).isInstanceOf(NoSuchFileException.class);
  }
}
