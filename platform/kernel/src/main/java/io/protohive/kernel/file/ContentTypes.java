package io.protohive.kernel.file;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * A file's type as its bytes say, with its name only as a hint where the bytes leave a choice (a
 * plain text may be CSV or Markdown). A name that claims PDF does not make an image a PDF.
 */
@ApplicationScoped
public class ContentTypes {

  /** Programs are not documents; no one in an organization needs to share one through files. */
  private static final Set<String> REFUSED =
      Set.of(
          "application/x-msdownload",
          "application/x-dosexec",
          "application/x-executable",
          "application/x-sharedlib",
          "application/x-mach-o-executable",
          "application/x-elf");

  private final Tika tika = new Tika();

  public String detect(Path file, String name) {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return MediaType.parse(tika.detect(in, metadata)).getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("a file's type cannot be read", e);
    }
  }

  /** Whether files of this type are refused at upload. */
  public boolean refused(String contentType) {
    return REFUSED.contains(contentType);
  }
}
