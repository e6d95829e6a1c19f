package io.protohive.kernel.file.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.kernel.secret.SecretBox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys' wrapping and this node's unwrapped keys; the rows are the database's (see the IT). */
class TenantDataKeysTest {

  private static final UUID TENANT = UUID.randomUUID();
  private static final UUID OTHER_TENANT = UUID.randomUUID();

  @TempDir Path folder;

  private final SecretBox secrets = new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));
  private final TenantDataKeys keys = new TenantDataKeys();

  @BeforeEach
  void giveSecrets() {
    keys.secrets = secrets;
  }

  @Test
  void aSealedKeyHoldsNoKeyMaterialInTheClear() {
    DataKey key = DataKey.generate();

    String sealed = TenantDataKeys.seal(key, secrets, TENANT);

    assertThat(sealed).doesNotContain("keyData").doesNotContain(key.toJson());
  }

  @Test
  void aSealedKeyUnwrapsForItsTenantOnly() throws IOException {
    DataKey key = DataKey.generate();
    String sealed = TenantDataKeys.seal(key, secrets, TENANT);

    assertThat(keys.unwrap(TENANT, sealed).toJson()).isEqualTo(key.toJson());
    assertThatThrownBy(() -> keys.unwrap(OTHER_TENANT, sealed))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRowIsUnwrappedOnceAndAReplacedRowIsUnwrappedAgain() {
    String first = TenantDataKeys.seal(DataKey.generate(), secrets, TENANT);
    String second = TenantDataKeys.seal(DataKey.generate(), secrets, TENANT);

    DataKey unwrapped = keys.unwrap(TENANT, first);

    assertThat(keys.unwrap(TENANT, first)).isSameAs(unwrapped);
    assertThat(keys.unwrap(TENANT, second)).isNotSameAs(unwrapped);
  }

  @Test
  void afterShreddingTheTenantsFilesDoNotDecryptWithItsNextKey() throws IOException {
    DiskFileStore store = new DiskFileStore(folder.resolve("files"));
    Path plain = Files.writeString(folder.resolve("plain.txt"), "before the shredding");
    String before = TenantDataKeys.seal(DataKey.generate(), secrets, TENANT);
    keys.unwrap(TENANT, before).encrypt(plain, store, "tenant/file/1");

    // shredding deletes the row; the tenant's next use creates a new one
    String after = TenantDataKeys.seal(DataKey.generate(), secrets, TENANT);
    DataKey next = keys.unwrap(TENANT, after);

    assertThatThrownBy(
            () -> {
              try (InputStream in = next.decryptRange(store, "tenant/file/1", 0, 100)) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(IOException.class);
  }
}
