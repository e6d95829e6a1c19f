package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.s3mock.S3MockServer;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3FileStoreTest extends FileStoreContract {

  private static S3MockServer server;
  private static S3FileStore store;

  @BeforeAll
  static void startServer() {
    server = S3MockServer.start();
    store = settings("files-test").connect();
  }

  @AfterAll
  static void stopServer() {
    if (store != null) {
      store.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  FileStore store() {
    return store;
  }

  @Test
  void aMissingBucketIsCreatedAndAnExistingOneIsUsed() throws IOException {
    String key;
    try (S3FileStore created = settings("created-on-first-use").connect()) {
      key = write(created);
    }
    try (S3FileStore reopened = settings("created-on-first-use").connect()) {
      assertThat(reopened.exists(key)).isTrue();
    }
  }

  @Test
  void aChannelReadsTheSameBlockOnlyOnce() throws IOException {
    String key = write(CONTENT);

    try (SeekableByteChannel channel = store.open(key)) {
      channel.position(MIB - 10);
      assertThat(read(channel, MIB - 10, 20)).isEqualTo(slice(MIB - 10, 20));
      store.delete(key);
      // the block fetched above still holds the bytes after it, so no request goes out
      channel.position(MIB);
      assertThat(read(channel, MIB, 1000)).isEqualTo(slice(MIB, 1000));
    }
  }

  private String write(S3FileStore target) throws IOException {
    String key = newKey();
    target.write(key, file(CONTENT));
    return key;
  }

  private static S3Settings settings(String bucket) {
    return new S3Settings(
        server.endpoint().toString(), "us-east-1", bucket, "access-key", "secret-key");
  }
}
