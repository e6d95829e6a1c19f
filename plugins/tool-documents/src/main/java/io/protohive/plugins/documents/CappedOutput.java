package io.protohive.plugins.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Collects a written document in memory and refuses to grow past a limit. */
final class CappedOutput extends OutputStream {

  /** What a document may weigh; the platform's upload limit applies again when it is kept. */
  static final int MAX_BYTES = 25 * 1024 * 1024;

  /** Thrown when the document grows past the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("the document passed " + MAX_BYTES / (1024 * 1024) + " MB");
    }
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final int max;

  CappedOutput() {
    this(MAX_BYTES);
  }

  CappedOutput(int max) {
    this.max = max;
  }

  @Override
  public void write(int b) throws IOException {
    room(1);
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    room(len);
    bytes.write(b, off, len);
  }

  private void room(int more) throws TooLarge {
    if (bytes.size() + (long) more > max) {
      throw new TooLarge();
    }
  }

  byte[] toByteArray() {
    return bytes.toByteArray();
  }
}
