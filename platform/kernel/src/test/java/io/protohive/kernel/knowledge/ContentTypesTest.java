package io.protohive.kernel.knowledge;

import static io.protohive.kernel.knowledge.TestDocuments.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.file.ContentTypes;
import io.protohive.kernel.file.FileNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  @Test
  void knowsADocumentByItsBytes() throws IOException {
    assertThat(detect(TestDocuments.pdf(List.of("Bees.")), "notes.txt"))
        .isEqualTo(ContentTypes.PDF);
    assertThat(detect(TestDocuments.docx(), null)).isEqualTo(ContentTypes.DOCX);
    assertThat(detect(TestDocuments.odt(), "swarms")).isEqualTo(ContentTypes.ODT);
  }

  @Test
  void takesTheNameOnlyWhereTheBytesAllowSeveralTypes() throws IOException {
    assertThat(detect(utf8("# Bees"), "bees.md")).isEqualTo(ContentTypes.MARKDOWN);
    assertThat(detect(utf8("a,b\n1,2\n"), "bees.csv")).isEqualTo(ContentTypes.CSV);
    assertThat(detect(utf8("Bees."), "bees.pdf")).isEqualTo(ContentTypes.PLAIN_TEXT);
  }

  @Test
  void ingestsDocumentsButNotImagesOrPrograms() {
    assertThat(ContentTypes.isIngested(ContentTypes.PDF)).isTrue();
    assertThat(ContentTypes.isIngested(ContentTypes.EML)).isTrue();
    assertThat(ContentTypes.isIngested("image/png")).isFalse();
    assertThat(ContentTypes.isIngested("application/x-msdownload")).isFalse();
    assertThat(ContentTypes.describe(ContentTypes.PDF)).isEqualTo("PDF");
    assertThat(ContentTypes.describe("image/png")).isEqualTo("document");
    assertThat(ContentTypes.refused("application/x-msdownload")).isTrue();
    assertThat(ContentTypes.refused(ContentTypes.PDF)).isFalse();
  }

  @Test
  void acceptsOnlyPlainFileNames() {
    assertThat(FileNames.isSafe("Annual report 2026 (final).pdf")).isTrue();
    assertThat(FileNames.isSafe("Bienenstöcke.docx")).isTrue();
    assertThat(FileNames.isSafe("../etc/passwd")).isFalse();
    assertThat(FileNames.isSafe("folder\\report.pdf")).isFalse();
    assertThat(FileNames.isSafe("report\n.pdf")).isFalse();
    assertThat(FileNames.isSafe("report\u0000.pdf")).isFalse();
    assertThat(FileNames.isSafe("invoice\u202Efdp.exe")).isFalse();
    assertThat(FileNames.isSafe("..")).isFalse();
    assertThat(FileNames.isSafe(" ")).isFalse();
    assertThat(FileNames.isSafe(null)).isFalse();
    assertThat(FileNames.isSafe("a".repeat(256))).isFalse();
  }

  private static String detect(byte[] content, String name) throws IOException {
    return ContentTypes.detect(new ByteArrayInputStream(content), name);
  }
}
