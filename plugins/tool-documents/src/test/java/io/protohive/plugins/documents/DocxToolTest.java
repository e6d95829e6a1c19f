package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxToolTest {

  static final String REPORT =
      """
      # Quarterly report

      Revenue grew **strongly** in the *third* quarter.

      ## Regions

      - North
      - South
        - South-East

      1. Collect the numbers
      2. Review them

      | Region | Revenue |
      |--------|--------:|
      | North  | 1,200   |
      | South  | 980     |

      > Numbers are unaudited.

      ```
      total = north + south
      ```

      See [the dashboard](https://example.com/dashboard) and <b>not HTML</b>.

      ![a chart](https://example.com/chart.png)
      """;

  private final ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

  @Test
  void writesHeadingsParagraphsListsTablesAndCode() throws Exception {
    ToolResult result =
        new DocxTool().invoke(Map.of("title", "Quarterly report", "markdown", REPORT), context);

    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.content()).startsWith("Wrote the Word document Quarterly report.docx");
    ToolResult.Attachment file = result.attachments().get(0);
    assertThat(file.name()).isEqualTo("Quarterly report.docx");
    assertThat(file.mediaType()).isEqualTo(DocxTool.MEDIA_TYPE);

    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file.content()))) {
      assertThat(document.getProperties().getCoreProperties().getTitle())
          .isEqualTo("Quarterly report");
      List<XWPFParagraph> paragraphs = document.getParagraphs();
      assertThat(styled(paragraphs, "Heading1")).containsExactly("Quarterly report");
      assertThat(styled(paragraphs, "Heading2")).containsExactly("Regions");
      assertThat(document.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");

      XWPFParagraph growth = find(paragraphs, "Revenue grew");
      assertThat(growth.getText()).isEqualTo("Revenue grew strongly in the third quarter.");
      assertThat(run(growth, "strongly").isBold()).isTrue();
      assertThat(run(growth, "third").isItalic()).isTrue();
      assertThat(run(growth, "Revenue grew ").isBold()).isFalse();

      XWPFParagraph north = find(paragraphs, "North");
      XWPFParagraph southEast = find(paragraphs, "South-East");
      XWPFParagraph collect = find(paragraphs, "Collect the numbers");
      assertThat(north.getNumID()).isNotNull();
      assertThat(north.getNumFmt()).isEqualTo("bullet");
      assertThat(southEast.getNumIlvl()).isEqualTo(java.math.BigInteger.ONE);
      assertThat(collect.getNumFmt()).isEqualTo("decimal");
      assertThat(find(paragraphs, "Review them").getNumID()).isEqualTo(collect.getNumID());

      XWPFTable table = document.getTables().get(0);
      assertThat(table.getRows()).hasSize(3);
      assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("Region");
      assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold())
          .isTrue();
      assertThat(table.getRow(2).getCell(1).getText()).isEqualTo("980");

      XWPFParagraph code = find(paragraphs, "total = north + south");
      assertThat(code.getRuns().get(0).getFontFamily()).isEqualTo("Courier New");
      assertThat(find(paragraphs, "Numbers are unaudited.").getIndentationLeft()).isPositive();

      XWPFParagraph links = find(paragraphs, "See ");
      assertThat(links.getText()).contains("the dashboard").contains("<b>not HTML</b>");
      assertThat(document.getHyperlinks())
          .extracting(link -> link.getURL())
          .containsExactly("https://example.com/dashboard");
      assertThat(find(paragraphs, "a chart").getText()).isEqualTo("a chart");
      assertThat(document.getAllPictures()).isEmpty();
    }
  }

  @Test
  void putsTheTitleFirstWhenTheMarkdownHasNoTopHeading() throws Exception {
    ToolResult result =
        new DocxTool().invoke(Map.of("title", "Notes", "markdown", "Just text."), context);

    try (XWPFDocument document =
        new XWPFDocument(new ByteArrayInputStream(result.attachments().get(0).content()))) {
      assertThat(document.getParagraphs().get(0).getStyle()).isEqualTo("Title");
      assertThat(document.getParagraphs().get(0).getText()).isEqualTo("Notes");
      assertThat(document.getParagraphs().get(1).getText()).isEqualTo("Just text.");
    }
  }

  static List<String> styled(List<XWPFParagraph> paragraphs, String style) {
    return paragraphs.stream()
        .filter(p -> style.equals(p.getStyle()))
        .map(XWPFParagraph::getText)
        .toList();
  }

  static XWPFParagraph find(List<XWPFParagraph> paragraphs, String start) {
    return paragraphs.stream()
        .filter(p -> p.getText().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph starts with " + start));
  }

  static XWPFRun run(XWPFParagraph paragraph, String text) {
    return paragraph.getRuns().stream()
        .filter(r -> text.equals(r.text()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no run " + text));
  }
}
