package io.protohive.kernel.file;

import io.protohive.kernel.platform.PlatformSettings;
import io.protohive.kernel.platform.Rejection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Receives an upload into a temporary file under the data folder, counting and hashing as it goes
 * and refusing it the moment it passes the size limit, so that an oversized upload neither fills
 * the disk nor reaches the store. No transaction is open while the bytes arrive. A resumable upload
 * arrives in parts into a file of its own, which the spool adopts once it is whole.
 */
@ApplicationScoped
public class UploadSpool {

  private static final int BUFFER = 64 * 1024;

  @Inject PlatformSettings settings;
  @Inject FileLimits limits;

  Path folder;
  Path parts;

  @PostConstruct
  void prepare() {
    folder = settings.dataDir().resolve("tmp").resolve("uploads");
    // kept across restarts: a resumable upload goes on after one
    parts = settings.dataDir().resolve("uploads");
    try {
      Files.createDirectories(folder);
      Files.createDirectories(parts);
    } catch (IOException e) {
      throw new UncheckedIOException("the upload folder cannot be made", e);
    }
  }

  /**
   * The upload's bytes, spooled.
   *
   * @param name the name the uploader gave, a hint for the type only
   * @throws Rejection when the upload is empty or larger than a file may be
   */
  public SpooledUpload receive(InputStream content, String name) {
    Path spooled;
    try {
      spooled = Files.createTempFile(folder, "upload-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("an upload cannot be received", e);
    }
    try {
      MessageDigest digest = sha256();
      long size = 0;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spooled), digest)) {
        byte[] buffer = new byte[BUFFER];
        for (int read; (read = content.read(buffer)) != -1; ) {
          size += read;
          requireSize(size);
          out.write(buffer, 0, read);
        }
      }
      return spooled(spooled, size, digest, name);
    } catch (IOException e) {
      delete(spooled);
      throw new UncheckedIOException("an upload was cut off", e);
    } catch (RuntimeException e) {
      delete(spooled);
      throw e;
    }
  }

  /**
   * A resumable upload's whole bytes as an upload like any other, read again for their digest and
   * type. Closing it removes the part.
   *
   * @throws Rejection when the part is empty or larger than a file may be
   */
  public SpooledUpload adopt(Path part, String name) {
    try {
      long size = Files.size(part);
      requireSize(size);
      MessageDigest digest = sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(part), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return spooled(part, size, digest, name);
    } catch (IOException e) {
      throw new UncheckedIOException("a resumable upload's bytes cannot be read", e);
    }
  }

  /** Where the bytes of a resumable upload collect. */
  public Path part(UUID uploadId) {
    return parts.resolve(uploadId + ".part");
  }

  /** Starts the empty part of a new resumable upload. */
  public void startPart(UUID uploadId) {
    try {
      Files.deleteIfExists(part(uploadId));
      Files.createFile(part(uploadId));
    } catch (IOException e) {
      throw new UncheckedIOException("a resumable upload cannot be started", e);
    }
  }

  /** Deletes the part of a resumable upload, if it is still there. */
  public void deletePart(UUID uploadId) {
    delete(part(uploadId));
  }

  /**
   * Appends what {@code content} holds to the part at {@code offset}, dropping first whatever lies
   * beyond the offset: the bytes of a request that was cut off before they were counted. When the
   * sender is cut off, the bytes received until then stay and count.
   *
   * @param room how many bytes the upload still lacks; more are refused
   * @param receiveUntil when to stop receiving, in {@link System#nanoTime()}; what arrived counts
   * @return the bytes appended
   * @throws Rejection when {@code content} holds more than {@code room} bytes; then nothing of it
   *     is kept, or when the part is gone (not found)
   */
  static long append(Path part, long offset, InputStream content, long room, long receiveUntil)
      throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(part, StandardOpenOption.WRITE);
    } catch (NoSuchFileException gone) {
      throw Rejection.of(Rejection.Kind.NOT_FOUND, ResumableUploads.NOT_FOUND);
    }
    try (channel) {
      if (channel.size() < offset) {
        // bytes once counted are gone (a disk restored from an older copy): refuse to leave a hole
        throw new IOException("the part holds fewer bytes than its upload counted");
      }
      channel.truncate(offset);
      channel.position(offset);
      byte[] buffer = new byte[BUFFER];
      long appended = 0;
      while (System.nanoTime() - receiveUntil < 0) {
        int read;
        try {
          read = content.read(buffer);
        } catch (IOException cutOff) {
          break;
        }
        if (read == -1) {
          break;
        }
        if (appended + read > room) {
          channel.truncate(offset);
          throw Rejection.of(
              Rejection.Kind.TOO_LARGE,
              "The upload lacks " + room + " bytes; send no more than those.");
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        appended += read;
      }
      // counted bytes must be on disk, or a crash would leave the count ahead of them
      channel.force(false);
      return appended;
    }
  }

  private void requireSize(long size) {
    if (size > limits.maxFileBytes()) {
      throw Rejection.of(
          Rejection.Kind.TOO_LARGE,
          "A file has at most " + Sizes.readable(limits.maxFileBytes()) + ".");
    }
  }

  private static SpooledUpload spooled(Path file, long size, MessageDigest digest, String name)
      throws IOException {
    if (size == 0) {
      throw Rejection.invalid("file", "The file is empty.");
    }
    return new SpooledUpload(
        file, size, HexFormat.of().formatHex(digest.digest()), detect(file, name));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String detect(Path file, String name) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ContentTypes.detect(in, name);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // removed with the folder at the next start
    }
  }
}
