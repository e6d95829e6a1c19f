package io.protohive.kernel.file.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Objects as files under a folder, a key's slashes its subfolders. A write goes to a temporary file
 * beside the target, is flushed to the disk and then moved over the target in one step.
 */
public final class DiskFileStore implements FileStore {

  public static final String NAME = "disk";

  private final Path root;

  public DiskFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void write(String key, Path source) throws IOException {
    Path target = pathOf(key);
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempFile(target.getParent(), ".write-", ".tmp");
    try {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        long size = in.size();
        long copied = 0;
        while (copied < size) {
          copied += in.transferTo(copied, size - copied, out);
        }
        out.force(true);
      }
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public SeekableByteChannel open(String key) throws IOException {
    return FileChannel.open(objectPath(key), StandardOpenOption.READ);
  }

  @Override
  public long size(String key) throws IOException {
    return Files.size(objectPath(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(pathOf(key));
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(pathOf(key));
  }

  /** The object's file; a folder that other keys' objects lie in is no object. */
  private Path objectPath(String key) throws NoSuchFileException {
    Path path = pathOf(key);
    if (Files.isDirectory(path)) {
      throw new NoSuchFileException(key);
    }
    return path;
  }

  private Path pathOf(String key) {
    Path path = root.resolve(StorageKeys.check(key)).normalize();
    // the key's syntax already keeps it inside; this guards the rule against a future change
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("not a storage key: " + key);
    }
    return path;
  }
}
