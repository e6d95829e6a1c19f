package io.protohive.kernel.file.storage;

import io.protohive.kernel.platform.PlatformSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The stores files' bytes may lie in, by the name their versions record: {@code disk}, in the data
 * folder's {@code files/}, always; {@code s3} when an object store is configured. The object store
 * is connected on first use, so a platform that does not use it never reaches it.
 */
@ApplicationScoped
public class FileStores {

  @Inject PlatformSettings platform;
  @Inject FileStorageSettings settings;

  private volatile DiskFileStore disk;
  private S3FileStore s3;

  /**
   * @throws IllegalArgumentException when no store has the name
   * @throws IllegalStateException when the name is {@code s3} but no object store is configured
   */
  public FileStore store(String name) {
    return switch (name) {
      case DiskFileStore.NAME -> disk();
      case S3FileStore.NAME -> s3();
      default -> throw new IllegalArgumentException("no file store is named " + name);
    };
  }

  /**
   * The name of the store new files go to when their tenant names none.
   *
   * @throws IllegalStateException when the configured store is not one there is
   */
  public String defaultName() {
    String name = settings.defaultStore();
    if (name.equals(DiskFileStore.NAME)) {
      return name;
    }
    if (name.equals(S3FileStore.NAME)) {
      requireS3Settings();
      return name;
    }
    throw new IllegalStateException(
        "protohive.files.store is " + name + "; it is either disk or s3");
  }

  /** Whether files may be put in the object store. */
  public boolean s3Configured() {
    return settings.s3().isPresent();
  }

  private DiskFileStore disk() {
    DiskFileStore opened = disk;
    if (opened == null) {
      opened = new DiskFileStore(platform.dataDir().resolve("files"));
      disk = opened;
    }
    return opened;
  }

  private synchronized S3FileStore s3() {
    if (s3 == null) {
      s3 = requireS3Settings().connect();
    }
    return s3;
  }

  private S3Settings requireS3Settings() {
    return settings
        .s3()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "files cannot go to the object store: protohive.files.s3.endpoint"
                        + " (PROTOHIVE_FILES_S3_ENDPOINT) is not set"));
  }

  @PreDestroy
  synchronized void close() {
    if (s3 != null) {
      s3.close();
      s3 = null;
    }
  }
}
