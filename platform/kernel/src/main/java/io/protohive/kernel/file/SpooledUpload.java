package io.protohive.kernel.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload's bytes, received whole into a temporary file before anything is stored, with their
 * size, digest and the content type read from the bytes. Closing it removes the temporary file.
 */
public record SpooledUpload(Path path, long sizeBytes, String sha256, String contentType)
    implements AutoCloseable {

  @Override
  public void close() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a leftover temporary file is removed with the folder at the next start
    }
  }
}
