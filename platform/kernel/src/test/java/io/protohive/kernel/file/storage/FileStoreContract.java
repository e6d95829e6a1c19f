package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link FileStore} does, plain and under a tenant's data key. */
abstract class FileStoreContract {

  static final int MIB = 1 << 20;

  /** Three segments of the streaming encryption and a part of a fourth. */
  static final byte[] CONTENT = randomBytes(3 * MIB + 12_345);

  @TempDir Path folder;

  abstract FileStore store();

  @Test
  void anObjectReadsBackAsItWasWritten() throws IOException {
    String key = write(CONTENT);

    assertThat(store().exists(key)).isTrue();
    assertThat(store().size(key)).isEqualTo(CONTENT.length);
    try (SeekableByteChannel channel = store().open(key)) {
      assertThat(channel.size()).isEqualTo(CONTENT.length);
      assertThat(read(channel, 0, CONTENT.length)).isEqualTo(CONTENT);
      assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1_500_000, MIB - 1000, 3 * MIB + 12_345 - 500})
  void aRangeReadsFromItsPositionWithoutTheBytesBefore(long offset) throws IOException {
    String key = write(CONTENT);

    try (SeekableByteChannel channel = store().open(key)) {
      channel.position(offset);
      assertThat(read(channel, offset, 2000)).isEqualTo(slice(offset, 2000));
    }
  }

  @Test
  void aChannelMovesBackAndForth() throws IOException {
    String key = write(CONTENT);

    try (SeekableByteChannel channel = store().open(key)) {
      channel.position(2 * MIB + 7);
      assertThat(read(channel, 2 * MIB + 7, 100)).isEqualTo(slice(2 * MIB + 7, 100));
      channel.position(3);
      assertThat(read(channel, 3, 100)).isEqualTo(slice(3, 100));
    }
  }

  @Test
  void anEmptyObjectHasNoBytes() throws IOException {
    String key = write(new byte[0]);

    assertThat(store().size(key)).isZero();
    try (SeekableByteChannel channel = store().open(key)) {
      assertThat(channel.read(ByteBuffer.allocate(10))).isEqualTo(-1);
    }
  }

  @Test
  void aWriteReplacesTheObject() throws IOException {
    String key = write(CONTENT);

    store().write(key, file(new byte[] {1, 2, 3}));

    try (SeekableByteChannel channel = store().open(key)) {
      assertThat(read(channel, 0, 3)).containsExactly(1, 2, 3);
      assertThat(channel.size()).isEqualTo(3);
    }
  }

  @Test
  void aMissingKeyHasNoObject() throws IOException {
    String key = newKey();

    assertThat(store().exists(key)).isFalse();
    assertThatThrownBy(() -> store().open(key)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> store().size(key)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aDeletedObjectIsGoneAndDeletingItAgainIsNoError() throws IOException {
    String key = write(CONTENT);

    store().delete(key);
    store().delete(key);

    assertThat(store().exists(key)).isFalse();
    assertThatThrownBy(() -> store().open(key)).isInstanceOf(NoSuchFileException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape", "a/../../b", "a/..", "/absolute", "a//b", "a/", ".", ""})
  void aKeyThatCouldLeaveTheStoreIsRefused(String key) throws IOException {
    Path source = file(CONTENT);

    assertThatThrownBy(() -> store().write(key, source))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().open(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().exists(key)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1_500_000, MIB - 1000, 3 * MIB + 12_345 - 500})
  void anEncryptedFileDecryptsByRange(long offset) throws IOException {
    DataKey key = DataKey.generate();
    String storageKey = newKey();

    long size = key.encrypt(file(CONTENT), store(), storageKey);

    assertThat(size).isEqualTo(CONTENT.length);
    try (InputStream range = key.decryptRange(store(), storageKey, offset, 2000)) {
      assertThat(range.readAllBytes()).isEqualTo(slice(offset, 2000));
    }
  }

  @Test
  void anEncryptedFileDecryptsWhole() throws IOException {
    DataKey key = DataKey.generate();
    String storageKey = newKey();
    key.encrypt(file(CONTENT), store(), storageKey);

    try (InputStream whole = key.decryptRange(store(), storageKey, 0, Long.MAX_VALUE)) {
      assertThat(whole.readAllBytes()).isEqualTo(CONTENT);
    }
    try (SeekableByteChannel plain = key.decrypt(store(), storageKey)) {
      assertThat(plain.size()).isEqualTo(CONTENT.length);
    }
  }

  @Test
  void anEmptyEncryptedFileDecryptsToNothing() throws IOException {
    DataKey key = DataKey.generate();
    String storageKey = newKey();

    assertThat(key.encrypt(file(new byte[0]), store(), storageKey)).isZero();

    assertThat(store().size(storageKey)).isPositive();
    try (InputStream whole = key.decryptRange(store(), storageKey, 0, 100)) {
      assertThat(whole.readAllBytes()).isEmpty();
    }
  }

  @Test
  void aRangeBeyondTheEndIsEmpty() throws IOException {
    DataKey key = DataKey.generate();
    String storageKey = newKey();
    key.encrypt(file(CONTENT), store(), storageKey);

    try (InputStream range = key.decryptRange(store(), storageKey, CONTENT.length + 10L, 100)) {
      assertThat(range.readAllBytes()).isEmpty();
    }
  }

  String write(byte[] content) throws IOException {
    String key = newKey();
    store().write(key, file(content));
    return key;
  }

  Path file(byte[] content) throws IOException {
    return Files.write(Files.createTempFile(folder, "plain-", ".bin"), content);
  }

  static String newKey() {
    return UUID.randomUUID() + "/" + UUID.randomUUID() + "/1";
  }

  static byte[] slice(long offset, int length) {
    int from = (int) Math.min(offset, CONTENT.length);
    return Arrays.copyOfRange(CONTENT, from, (int) Math.min(from + (long) length, CONTENT.length));
  }

  /** Reads up to {@code length} bytes from the channel's position, which must be {@code at}. */
  static byte[] read(SeekableByteChannel channel, long at, int length) throws IOException {
    assertThat(channel.position()).isEqualTo(at);
    ByteBuffer buffer = ByteBuffer.allocate(length);
    int read;
    do {
      read = channel.read(buffer);
    } while (read >= 0 && buffer.hasRemaining());
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(16).nextBytes(bytes);
    return bytes;
  }
}
