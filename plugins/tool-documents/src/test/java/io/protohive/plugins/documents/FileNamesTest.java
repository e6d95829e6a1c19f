package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

  @Test
  void keepsAReadableTitle() {
    assertThat(FileNames.of("Q3 report – Müller & Co.", "docx"))
        .isEqualTo("Q3 report – Müller & Co.docx");
  }

  @Test
  void dropsPathSeparatorsControlAndInvisibleCharacters() {
    assertThat(FileNames.of("../../etc/passwd", "pdf")).isEqualTo("etc passwd.pdf");
    assertThat(FileNames.of("a\\b:c*d?\"e<f>g|h", "pdf")).isEqualTo("a b c d e f g h.pdf");
    assertThat(FileNames.of("line\nbreak\u0000\u202Egpj.exe", "docx"))
        .isEqualTo("line break gpj.exe.docx");
  }

  @Test
  void namesAnEmptyTitleAndShortensALongOne() {
    assertThat(FileNames.of(" ... ", "xlsx")).isEqualTo("document.xlsx");
    assertThat(FileNames.of("a".repeat(300), "pdf")).hasSize(FileNames.MAX_LENGTH + 4);
  }
}
