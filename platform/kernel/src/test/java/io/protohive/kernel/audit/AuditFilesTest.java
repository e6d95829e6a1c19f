package io.protohive.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditFilesTest {

  @Test
  void aCellASpreadsheetWouldRunIsDefused() {
    assertThat(AuditFiles.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(AuditFiles.cell("+1")).isEqualTo("'+1");
    assertThat(AuditFiles.cell("-1")).isEqualTo("'-1");
    assertThat(AuditFiles.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(AuditFiles.cell("GET /api/v1/agents/{id}")).isEqualTo("GET /api/v1/agents/{id}");
  }

  @Test
  void aCellWithASeparatorIsQuoted() {
    assertThat(AuditFiles.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditFiles.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
  }
}
