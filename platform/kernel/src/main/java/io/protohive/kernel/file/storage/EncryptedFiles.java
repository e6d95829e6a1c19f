package io.protohive.kernel.file.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Files' bytes at rest: encrypted with their tenant's data key into the named store, and read back
 * by range. Callers that read or write a tenant's key run in a transaction of theirs or get one.
 */
@ApplicationScoped
public class EncryptedFiles {

  @Inject TenantDataKeys keys;
  @Inject FileStores stores;

  /**
   * Encrypts the file into the store under the key, replacing what was there.
   *
   * @return the plaintext's size in bytes
   */
  public long store(UUID tenantId, String storeName, String key, Path plain) throws IOException {
    return keys.keyOf(tenantId).encrypt(plain, stores.store(storeName), key);
  }

  /**
   * A reader of the stored bytes that needs no transaction: the tenant's key is taken now, in the
   * caller's, so that a download streams after it has ended.
   */
  public Reader reader(UUID tenantId, String storeName, String key) {
    DataKey dataKey = keys.keyOf(tenantId);
    FileStore store = stores.store(storeName);
    return (offset, length) -> dataKey.decryptRange(store, key, offset, length);
  }

  /** Opens ranges of one stored file's plaintext. */
  @FunctionalInterface
  public interface Reader {
    /**
     * The plaintext from the offset, at most {@code length} bytes of it, decrypting only the
     * segments the range lies in; the caller closes the stream. Reading throws an {@link
     * IOException} when the bytes do not decrypt: changed, moved from another key, or the tenant's
     * key shredded.
     *
     * @throws java.nio.file.NoSuchFileException when the store has no object under the key
     */
    InputStream open(long offset, long length) throws IOException;
  }

  /** Deletes the stored bytes; a key without bytes is no error. */
  public void delete(String storeName, String key) throws IOException {
    stores.store(storeName).delete(key);
  }
}
