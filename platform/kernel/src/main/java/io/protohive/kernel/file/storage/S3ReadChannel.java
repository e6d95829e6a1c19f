package io.protohive.kernel.file.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads an object from any position with ranged GETs, each reading ahead a block, so that a
 * decrypting reader asking for a segment at a time costs one request a segment.
 *
 * <p>Not thread-safe, as channels that are read from one position at a time are not.
 */
final class S3ReadChannel implements SeekableByteChannel {

  private final S3Client client;
  private final String bucket;
  private final String key;
  private final long size;
  private final byte[] block;

  private long position;
  private long blockStart;
  private int blockLength;
  private boolean open = true;

  S3ReadChannel(S3Client client, String bucket, String key, long size, int readAhead) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
    this.size = size;
    this.block = new byte[(int) Math.min(readAhead, Math.max(size, 1))];
  }

  @Override
  public int read(ByteBuffer destination) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    if (!destination.hasRemaining()) {
      return 0;
    }
    if (position < blockStart || position >= blockStart + blockLength) {
      fetch(position);
    }
    int offset = (int) (position - blockStart);
    int count = Math.min(destination.remaining(), blockLength - offset);
    destination.put(block, offset, count);
    position += count;
    return count;
  }

  private void fetch(long start) throws IOException {
    long end = Math.min(start + block.length, size) - 1;
    try (InputStream body =
        client.getObject(
            request -> request.bucket(bucket).key(key).range("bytes=" + start + "-" + end))) {
      int length = (int) (end - start + 1);
      int read = body.readNBytes(block, 0, length);
      if (read != length) {
        throw new IOException(key + " changed while it was read");
      }
      blockStart = start;
      blockLength = length;
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(key);
    } catch (SdkException e) {
      throw new IOException("cannot read " + key + " in bucket " + bucket, e);
    }
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position " + newPosition);
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public int write(ByteBuffer source) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
