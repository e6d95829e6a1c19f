package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker holding stored bytes, or moving them, gets: nothing readable. */
class DataKeyTest {

  private static final String SECRET = "the quarterly figures nobody outside may read ";

  @TempDir Path folder;

  private DiskFileStore store;
  private Path root;
  private Path plain;

  @BeforeEach
  void writePlainFile() throws IOException {
    root = folder.resolve("files");
    store = new DiskFileStore(root);
    plain = Files.writeString(folder.resolve("plain.txt"), SECRET.repeat(50_000));
  }

  @Test
  void theBytesAtRestHoldNoPlaintext() throws IOException {
    String key = "tenant/file/1";

    DataKey.generate().encrypt(plain, store, key);

    String atRest = Files.readString(root.resolve(key), StandardCharsets.ISO_8859_1);
    assertThat(atRest).doesNotContain("quarterly").doesNotContain("nobody outside");
    assertThat(Files.size(root.resolve(key))).isGreaterThan(Files.size(plain));
  }

  @Test
  void anotherTenantsKeyDoesNotDecrypt() throws IOException {
    String key = "tenant-a/file/1";
    DataKey.generate().encrypt(plain, store, key);

    assertThat(readsBack(DataKey.generate(), key)).isFalse();
  }

  @Test
  void aCiphertextCopiedUnderAnotherKeyDoesNotDecrypt() throws IOException {
    DataKey tenantKey = DataKey.generate();
    tenantKey.encrypt(plain, store, "tenant/secret/1");
    Files.createDirectories(root.resolve("tenant/public"));
    Files.copy(root.resolve("tenant/secret/1"), root.resolve("tenant/public/1"));

    assertThat(readsBack(tenantKey, "tenant/secret/1")).isTrue();
    assertThat(readsBack(tenantKey, "tenant/public/1")).isFalse();
  }

  @Test
  void aChangedByteIsNoticed() throws IOException {
    DataKey tenantKey = DataKey.generate();
    String key = "tenant/file/1";
    tenantKey.encrypt(plain, store, key);
    byte[] ciphertext = Files.readAllBytes(root.resolve(key));
    ciphertext[ciphertext.length / 2] ^= 1;
    Files.write(root.resolve(key), ciphertext);

    assertThat(readsBack(tenantKey, key)).isFalse();
  }

  @Test
  void aKeyReadsBackFromItsJson() throws IOException {
    DataKey tenantKey = DataKey.generate();
    tenantKey.encrypt(plain, store, "tenant/file/1");

    assertThat(readsBack(DataKey.fromJson(tenantKey.toJson()), "tenant/file/1")).isTrue();
    assertThatThrownBy(() -> DataKey.fromJson("{}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileIsEncryptedOnlyUnderAValidKey() {
    assertThatThrownBy(() -> DataKey.generate().encrypt(plain, store, "../" + UUID.randomUUID()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private boolean readsBack(DataKey key, String storageKey) throws IOException {
    try (InputStream in = key.decryptRange(store, storageKey, 0, Long.MAX_VALUE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(SECRET.repeat(50_000));
    } catch (IOException e) {
      if (e instanceof java.nio.file.NoSuchFileException) {
        throw e;
      }
      return false;
    }
  }
}
