package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.s3mock.S3MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context.BeforeExecution;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

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

  @Test
  void aDecryptedRangeCostsARequestForTheHeaderAndOneASegment() throws IOException {
    List<String> ranges = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof GetObjectRequest get) {
              ranges.add(get.range());
            }
          }
        };
    S3Client client =
        settings("files-test")
            .clientBuilder()
            .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(recorder))
            .build();
    try (S3FileStore recorded = new S3FileStore(client, "files-test")) {
      DataKey key = DataKey.generate();
      String storageKey = newKey();
      key.encrypt(file(CONTENT), recorded, storageKey);

      try (InputStream range = key.decryptRange(recorded, storageKey, 2 * MIB + 100, 1000)) {
        assertThat(range.readAllBytes()).isEqualTo(slice(2 * MIB + 100, 1000));
      }
    }

    assertThat(ranges).hasSize(2).first().isEqualTo("bytes=0-" + (MIB - 1));
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
