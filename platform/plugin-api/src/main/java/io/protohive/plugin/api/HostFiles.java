package io.protohive.plugin.api;

import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's files, offered to a plugin through {@link ToolContext#files()}: a tool reads a
 * file by its id with the rights of the person the call is made for, and only a file of the
 * organization the call is made for. A file that person may not read, of another organization or
 * tenant, or one that does not exist are refused alike, so that a plugin learns nothing of files it
 * may not read.
 *
 * <p>Thread-safe.
 *
 * @since 1.4
 */
@ProviderType
public interface HostFiles {

  /**
   * The current version of a file.
   *
   * @param maxBytes the largest file the plugin takes; a larger one is refused before it is read
   * @throws FileRefused when the file may not be read or is larger than {@code maxBytes}
   * @throws IOException when the stored bytes could not be read
   */
  File read(UUID fileId, long maxBytes) throws IOException;

  /** Files that refuse every read and give {@code reason} for it. */
  static HostFiles refusing(String reason) {
    return (fileId, maxBytes) -> {
      throw new FileRefused(reason);
    };
  }

  /**
   * A file as it was read: its name as people see it (never a path, but a plugin that writes it to
   * disk still checks it), its media type and its bytes.
   */
  record File(UUID id, String name, String mediaType, byte[] content) {
    public File {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mediaType, "mediaType");
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /** Why a file was not read, in words the model and the person may read. */
  final class FileRefused extends IOException {

    private static final long serialVersionUID = 1L;

    public FileRefused(String reason) {
      super(reason);
    }
  }
}
