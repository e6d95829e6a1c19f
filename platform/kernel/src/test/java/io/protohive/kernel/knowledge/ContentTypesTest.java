package io.protohive.kernel.knowledge;

import static io.protohive.kernel.knowledge.TestDocuments.utf8;
import static org.assertj.core.api.Assertions.assertThat;

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
  }

  @Test
  void acceptsOnlyPlainFileNames() {
    assertThat(ContentTypes.isSafeFileName("Annual report 2026 (final).pdf")).isTrue();
    assertThat(ContentTypes.isSafeFileName("Bienenstöcke.docx")).isTrue();
    assertThat(ContentTypes.isSafeFileName("../etc/passwd")).isFalse();
    assertThat(ContentTypes.isSafeFileName("folder\\report.pdf")).isFalse();
    assertThat(ContentTypes.isSafeFileName("report\n.pdf")).isFalse();
    assertThat(ContentTypes.isSafeFileName("report\u0000.pdf")).isFalse();
    assertThat(ContentTypes.isSafeFileName("invoice\u202Efdp.exe")).isFalse();
    assertThat(ContentTypes.isSafeFileName("..")).isFalse();
    assertThat(ContentTypes.isSafeFileName(" ")).isFalse();
    assertThat(ContentTypes.isSafeFileName(null)).isFalse();
    assertThat(ContentTypes.isSafeFileName("a".repeat(256))).isFalse();
  }

  private static String detect(byte[] content, String name) throws IOException {
    return ContentTypes.detect(new ByteArrayInputStream(content), name);
  }
}
