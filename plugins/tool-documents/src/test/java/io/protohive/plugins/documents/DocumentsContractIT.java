package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolResult;
import io.protohive.plugin.testkit.PluginContract;
import io.protohive.plugin.testkit.PluginSandbox;
import io.protohive.pluginhost.PluginTool;
import io.protohive.pluginhost.ToolOutcome;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged, signed documents plugin resolves, starts and writes documents in a real host. */
class DocumentsContractIT extends PluginContract {

  private static final String MARKDOWN =
      "# Plan\n\n- **one**\n- two\n\n| Step | Owner |\n|---|---|\n| Draft | Ada |\n";

  @TempDir Path host;

  @Override
  protected Map<String, Map<String, Object>> sampleArguments() {
    return Map.of(
        DocxTool.ID,
        Map.of("title", "Plan", "markdown", MARKDOWN),
        PdfTool.ID,
        Map.of("title", "Plan", "markdown", MARKDOWN),
        XlsxTool.ID,
        Map.of(
            "title",
            "Plan",
            "sheets",
            List.of(
                Map.of(
                    "name",
                    "Plan",
                    "rows",
                    List.of(List.of("Step", "Hours"), List.of("Draft", 3))))));
  }

  @Test
  void writesEachFormatInsideTheBundleAtOnce() throws Exception {
    try (PluginSandbox sandbox = PluginSandbox.start(host, PluginSandbox.signerOf(pluginJar()))) {
      sandbox.install(pluginJar());
      List<CompletableFuture<ToolOutcome>> calls =
          List.of(DocxTool.ID, PdfTool.ID, XlsxTool.ID).stream()
              .map(
                  id ->
                      CompletableFuture.supplyAsync(
                          () ->
                              sandbox.call(
                                  tool(sandbox, id),
                                  sampleArguments().get(id),
                                  Map.of(),
                                  Duration.ofSeconds(30))))
              .toList();

      ToolResult docx = ok(calls.get(0).join());
      try (XWPFDocument document =
              new XWPFDocument(new ByteArrayInputStream(docx.attachments().get(0).content()));
          XWPFWordExtractor text = new XWPFWordExtractor(document)) {
        assertThat(text.getText()).contains("Plan", "one", "Draft\tAda");
      }
      ToolResult pdf = ok(calls.get(1).join());
      try (PDDocument document = Loader.loadPDF(pdf.attachments().get(0).content())) {
        assertThat(new PDFTextStripper().getText(document)).contains("Plan", "Draft", "Ada");
      }
      ToolResult xlsx = ok(calls.get(2).join());
      try (XSSFWorkbook workbook =
          new XSSFWorkbook(new ByteArrayInputStream(xlsx.attachments().get(0).content()))) {
        assertThat(workbook.getSheet("Plan").getRow(1).getCell(1).getNumericCellValue())
            .isEqualTo(3);
      }
    }
  }

  private static PluginTool tool(PluginSandbox sandbox, String id) {
    return sandbox.tools().stream().filter(t -> t.tool().id().equals(id)).findFirst().orElseThrow();
  }

  private static ToolResult ok(ToolOutcome outcome) {
    assertThat(outcome.status())
        .as(String.valueOf(outcome.result()))
        .isEqualTo(ToolOutcome.Status.OK);
    assertThat(outcome.result().attachments()).hasSize(1);
    return outcome.result();
  }
}
