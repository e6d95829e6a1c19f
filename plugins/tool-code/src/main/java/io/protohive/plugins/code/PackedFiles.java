package io.protohive.plugins.code;

import io.protohive.plugin.api.ToolResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * The files a run left in its {@code out} folder, from the tar stream the sandbox packs them in.
 * The stream comes from inside the sandbox, so nothing in it is trusted: names are cut to their
 * last segment and only regular files count.
 */
final class PackedFiles {

  private static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "png", "image/png",
          "jpg", "image/jpeg",
          "svg", "image/svg+xml",
          "csv", "text/csv",
          "json", "application/json",
          "txt", "text/plain",
          "md", "text/markdown",
          "html", "text/html",
          "pdf", "application/pdf");

  private PackedFiles() {}

  /**
   * The files of the packed {@code out} folder, each under the last segment of its name: whatever
   * names the stream carries, a file is never kept under a path.
   */
  static List<ToolResult.Attachment> unpack(byte[] tar) {
    List<ToolResult.Attachment> files = new ArrayList<>();
    try (TarArchiveInputStream entries = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = entries.getNextEntry();
          entry != null;
          entry = entries.getNextEntry()) {
        // links, devices and folders carry no bytes of their own
        boolean regular =
            entry.getLinkFlag() == TarConstants.LF_NORMAL
                || entry.getLinkFlag() == TarConstants.LF_OLDNORM;
        if (!regular || entry.isDirectory()) {
          continue;
        }
        String packed = entry.getName();
        String name = packed.substring(packed.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".")) {
          continue;
        }
        files.add(new ToolResult.Attachment(name, mediaType(name), entries.readAllBytes()));
      }
    } catch (IOException truncated) {
      // the files packed before the stream broke off are kept
    }
    return files;
  }

  private static String mediaType(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
