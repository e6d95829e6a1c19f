package io.protohive.kernel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The folder where the platform keeps its state: the embedded database, plugins, secrets. */
public final class DataFolder {

  private DataFolder() {}

  /**
   * Creates the folder if needed and proves it is writable by writing a probe file.
   *
   * @throws StartupFailure naming the folder when it cannot be created or written
   */
  public static Path prepare(Path folder) {
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".write-probe", ".tmp");
      Files.delete(probe);
      return folder;
    } catch (IOException | SecurityException e) {
      throw new StartupFailure(
          "data folder "
              + folder
              + " is not writable ("
              + describe(e)
              + "); set PROTOHIVE_DATA_DIR"
              + " to a folder the server may write to");
    }
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
