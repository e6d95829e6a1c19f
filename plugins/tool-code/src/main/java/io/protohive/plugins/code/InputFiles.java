package io.protohive.plugins.code;

import io.protohive.plugin.api.HostFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The organization's files a run reads: named by id in the call, read through the host with the
 * rights of the person the call is made for, each under a name of its own in the {@code in} folder.
 */
final class InputFiles {

  static final int MAX_FILES = 10;

  private InputFiles() {}

  /**
   * The file ids of the {@code files} argument, none when it is absent.
   *
   * @throws IllegalArgumentException saying what is wrong with the argument, for the model
   */
  static List<UUID> ids(Object argument) {
    if (argument == null) {
      return List.of();
    }
    if (!(argument instanceof List<?> listed)) {
      throw new IllegalArgumentException("'files' is a list of file ids.");
    }
    if (listed.size() > MAX_FILES) {
      throw new IllegalArgumentException("A run reads at most " + MAX_FILES + " files.");
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (Object id : listed) {
      try {
        ids.add(UUID.fromString(String.valueOf(id).strip()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'" + id + "' is not a file id.", e);
      }
    }
    return List.copyOf(ids);
  }

  /**
   * Reads the files, all of them or none.
   *
   * @param maxBytes what they may weigh together
   * @throws HostFiles.FileRefused when one may not be read or they are too large together
   */
  static List<InputFile> read(List<UUID> ids, HostFiles files, long maxBytes) throws IOException {
    List<InputFile> read = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    long left = maxBytes;
    for (UUID id : ids) {
      HostFiles.File file = files.read(id, left);
      byte[] content = file.content();
      if (content.length > left) {
        throw new HostFiles.FileRefused(
            "The files of one run have at most " + maxBytes + " bytes together.");
      }
      left -= content.length;
      read.add(new InputFile(unique(safe(file.name()), taken), content));
    }
    return read;
  }

  /**
   * A name the file may have in the sandbox: one path segment, no control characters, not hidden,
   * so that it lands in the {@code in} folder and nowhere else.
   */
  static String safe(String name) {
    String segment = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder safe = new StringBuilder();
    segment.codePoints().forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '_' : c));
    String stripped = safe.toString().strip();
    while (stripped.startsWith(".")) {
      stripped = stripped.substring(1);
    }
    return stripped.isEmpty() ? "file" : stripped;
  }

  /** The name, or the name with a number before its extension when another file has it. */
  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    int dot = name.lastIndexOf('.');
    String stem = dot <= 0 ? name : name.substring(0, dot);
    String extension = dot <= 0 ? "" : name.substring(dot);
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = stem + " (" + n + ")" + extension;
    }
    return candidate;
  }
}
