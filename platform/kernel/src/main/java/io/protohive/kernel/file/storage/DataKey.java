package io.protohive.kernel.file.storage;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A tenant's data key, unwrapped: encrypts files into a store with Tink's streaming AEAD
 * (AES-256-GCM, keys derived per file with HKDF, 1 MiB segments) and decrypts any range of them
 * reading only the segments the range touches. The storage key is the ciphertext's associated data,
 * so bytes copied under another key do not decrypt.
 *
 * <p>Thread-safe.
 */
public final class DataKey {

  static {
    try {
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeysetHandle keyset;
  private final StreamingAead aead;

  private DataKey(KeysetHandle keyset) throws GeneralSecurityException {
    this.keyset = keyset;
    // the key itself, not the keyset's primitive: that one cannot tell a channel's size before
    // a first read, which a ranged read needs. A tenant's keyset has one key, never rotated.
    if (keyset.size() != 1
        || !(keyset.getPrimary().getKey() instanceof AesGcmHkdfStreamingKey key)) {
      throw new GeneralSecurityException("a data key is one AES-GCM-HKDF streaming key");
    }
    this.aead = AesGcmHkdfStreaming.create(key);
  }

  /** A new random key. */
  public static DataKey generate() {
    try {
      return new DataKey(
          KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a data key cannot be generated", e);
    }
  }

  /**
   * The key from its {@link #toJson()} form.
   *
   * @throws IllegalArgumentException when the text is not a streaming AEAD keyset
   */
  public static DataKey fromJson(String keyset) {
    try {
      return new DataKey(
          TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a data key", e);
    }
  }

  /** The keyset in Tink's JSON format, secret included: encrypt it before it is stored. */
  public String toJson() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data key cannot be serialized", e);
    }
  }

  /**
   * Encrypts the file into the store under the key. The ciphertext is written to a temporary file
   * first, which the store then takes whole.
   *
   * @return the plaintext's size in bytes
   */
  public long encrypt(Path plain, FileStore store, String key) throws IOException {
    StorageKeys.check(key);
    Path ciphertext = Files.createTempFile("protohive-file-", ".enc");
    try {
      long size;
      try (OutputStream out =
          aead.newEncryptingStream(Files.newOutputStream(ciphertext), associatedData(key))) {
        size = Files.copy(plain, out);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("a file cannot be encrypted", e);
      }
      store.write(key, ciphertext);
      return size;
    } finally {
      Files.deleteIfExists(ciphertext);
    }
  }

  /**
   * Opens the object under the key for reading its plaintext from any position; {@code size()} is
   * the plaintext's size. Reads throw an {@link IOException} when the bytes were not encrypted with
   * this key under this storage key, or were changed.
   */
  public SeekableByteChannel decrypt(FileStore store, String key) throws IOException {
    SeekableByteChannel ciphertext = store.open(key);
    try {
      return aead.newSeekableDecryptingChannel(ciphertext, associatedData(key));
    } catch (GeneralSecurityException e) {
      ciphertext.close();
      throw new IOException(key + " does not decrypt with this key", e);
    } catch (IOException | RuntimeException e) {
      ciphertext.close();
      throw e;
    }
  }

  /**
   * The plaintext bytes from the offset, at most {@code length} of them (fewer where the file
   * ends), decrypting only the segments they lie in. The caller closes the stream.
   */
  public InputStream decryptRange(FileStore store, String key, long offset, long length)
      throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length);
    }
    SeekableByteChannel plain = decrypt(store, key);
    try {
      // the decrypting channel answers reads past the end with 0 bytes, not the end of stream
      long available = Math.max(0, plain.size() - offset);
      plain.position(Math.min(offset, plain.size()));
      return new BoundedInputStream(Channels.newInputStream(plain), Math.min(length, available));
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  private static byte[] associatedData(String key) {
    return ("protohive-file:" + key).getBytes(StandardCharsets.UTF_8);
  }
}
