package io.protohive.kernel.file.storage;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where objects' bytes lie: a folder on disk or an S3-compatible object store. An object is named
 * by a key the caller makes, such as {@code <tenantId>/<fileId>/<version>}, that {@link
 * StorageKeys#check} accepts. A store knows nothing of tenants or encryption: it keeps what it is
 * given.
 *
 * <p>Implementations are thread-safe.
 */
public interface FileStore {

  /** The name files' versions record to find their bytes again: {@code disk} or {@code s3}. */
  String name();

  /**
   * Stores the file's bytes under the key, replacing what was there. Readers see the old object or
   * the new one, never a part of it.
   *
   * @throws IllegalArgumentException when the key is not a valid storage key
   */
  void write(String key, Path source) throws IOException;

  /**
   * Opens the object for reading from any position; the caller closes the channel.
   *
   * @throws NoSuchFileException when no object has the key
   */
  SeekableByteChannel open(String key) throws IOException;

  /**
   * @throws NoSuchFileException when no object has the key
   */
  long size(String key) throws IOException;

  /** Deletes the object; a key without an object is no error. */
  void delete(String key) throws IOException;

  boolean exists(String key) throws IOException;
}
