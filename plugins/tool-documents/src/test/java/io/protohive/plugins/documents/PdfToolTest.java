package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfToolTest {

  private final ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

  @Test
  void writesThePagesTextHeadingsAndTableCells() throws Exception {
    ToolResult result =
        new PdfTool()
            .invoke(Map.of("title", "Quarterly report", "markdown", DocxToolTest.REPORT), context);

    assertThat(result.isError()).as(result.content()).isFalse();
    ToolResult.Attachment file = result.attachments().get(0);
    assertThat(file.name()).isEqualTo("Quarterly report.pdf");
    assertThat(file.mediaType()).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(file.content())) {
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Quarterly report");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      String text = stripper.getText(pdf);
      assertThat(text)
          .contains("Quarterly report")
          .contains("Revenue grew strongly in the third quarter.")
          .contains("Regions")
          .contains("South-East")
          .contains("Collect the numbers")
          .contains("Region")
          .contains("1,200")
          .contains("980")
          .contains("Numbers are unaudited.")
          .contains("total = north + south")
          .contains("<b>not HTML</b>")
          .contains("a chart")
          .contains("1 / 1");
    }
  }

  @Test
  void keepsLatinTextAndStandsInForWhatTheStandardFontsLack() throws Exception {
    ToolResult result =
        new PdfTool()
            .invoke(Map.of("title", "Grüße", "markdown", "Grüße aus Köln → Привет"), context);

    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.attachments().get(0).name()).isEqualTo("Grüße.pdf");
    try (PDDocument pdf = Loader.loadPDF(result.attachments().get(0).content())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("Grüße aus Köln").contains("#");
    }
  }

  @Test
  void runsOverSeveralPages() throws Exception {
    String markdown = "# Long\n\n" + "A paragraph that fills the page.\n\n".repeat(300);

    ToolResult result =
        new PdfTool().invoke(Map.of("title", "Long", "markdown", markdown), context);

    try (PDDocument pdf = Loader.loadPDF(result.attachments().get(0).content())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
    }
  }
}
