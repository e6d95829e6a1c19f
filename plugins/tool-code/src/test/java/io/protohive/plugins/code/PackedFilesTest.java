package io.protohive.plugins.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.protohive.plugin.api.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * The packed out folder as code inside the sandbox could forge it: no name it carries makes a file
 * land anywhere but under its last segment, and only regular files count.
 */
class PackedFilesTest {

  @Test
  void aFileIsKeptUnderItsLastNameOnlyWhateverTheStreamSays() throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(packed)) {
      add(tar, "./chart.png", "png");
      add(tar, "../../../etc/escape.txt", "climbing");
      add(tar, "..", "dots");
      add(tar, "./.hidden", "hidden");
      TarArchiveEntry link = new TarArchiveEntry("./passwd", TarConstants.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }

    assertThat(PackedFiles.unpack(packed.toByteArray()))
        .extracting(ToolResult.Attachment::name, ToolResult.Attachment::mediaType)
        .containsExactly(tuple("chart.png", "image/png"), tuple("escape.txt", "text/plain"));
  }

  @Test
  void aStreamThatBreaksOffKeepsTheFilesBeforeTheBreak() throws IOException {
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(packed)) {
      add(tar, "./first.csv", "a,b");
      add(tar, "./second.csv", "c,d".repeat(1_000));
    }
    byte[] broken = Arrays.copyOf(packed.toByteArray(), 1_536);

    assertThat(PackedFiles.unpack(broken))
        .extracting(ToolResult.Attachment::name)
        .containsExactly("first.csv");
  }

  private static void add(TarArchiveOutputStream tar, String name, String text) throws IOException {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
