package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Input a document cannot be written from is a tool error that tells the model what to change. */
class BadInputTest {

  private final ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

  @Test
  void aMissingTitleOrMarkdownIsNamed() {
    assertThat(error(new DocxTool(), Map.of("markdown", "text")))
        .isEqualTo("'title' is required: give it as a non-empty string.");
    assertThat(error(new PdfTool(), Map.of("title", "A", "markdown", "  ")))
        .isEqualTo("'markdown' is required: give it as a non-empty string.");
    assertThat(error(new DocxTool(), Map.of("title", 42, "markdown", "text")))
        .contains("'title' is required");
  }

  @Test
  void markdownOverTheLimitIsRefused() {
    String markdown = "x".repeat(Inputs.MAX_MARKDOWN + 1);

    assertThat(error(new PdfTool(), Map.of("title", "Big", "markdown", markdown)))
        .contains("'markdown' has 200001 characters; at most 200000 are accepted");
  }

  @Test
  void nestingTooDeepIsRefused() {
    String markdown = ">".repeat(500) + " deep";

    assertThat(error(new DocxTool(), Map.of("title", "Deep", "markdown", markdown)))
        .contains("nests lists or quotes more than 40 levels");
    assertThat(error(new PdfTool(), Map.of("title", "Deep", "markdown", markdown)))
        .contains("nests lists or quotes more than 40 levels");
  }

  @Test
  void sheetsThatAreNotRowsOfCellsAreRefused() {
    XlsxTool tool = new XlsxTool();

    assertThat(error(tool, Map.of("title", "T"))).contains("'sheets' is required");
    assertThat(error(tool, Map.of("title", "T", "sheets", List.of()))).contains("is empty");
    assertThat(error(tool, Map.of("title", "T", "sheets", List.of("x"))))
        .isEqualTo("Sheet 1 must be an object {name, rows}.");
    assertThat(error(tool, Map.of("title", "T", "sheets", List.of(Map.of("name", "S")))))
        .isEqualTo("'rows of sheet 'S'' must be an array.");
    assertThat(
            error(
                tool,
                Map.of(
                    "title",
                    "T",
                    "sheets",
                    List.of(Map.of("name", "S", "rows", List.of(List.of("a", Map.of())))))))
        .isEqualTo(
            "Cell 1:2 of sheet 'S' is an object or array; give text, a number or true/false.");
  }

  @Test
  void moreRowsThanTheLimitAreRefused() {
    List<List<Object>> rows = Collections.nCopies(XlsxWriter.MAX_ROWS + 1, List.of(1));

    assertThat(
            error(
                new XlsxTool(),
                Map.of("title", "T", "sheets", List.of(Map.of("name", "S", "rows", rows)))))
        .isEqualTo("At most 10000 rows are accepted over all sheets.");
  }

  @Test
  void aDocumentPastTheSizeLimitIsRefused() {
    CappedOutput small = new CappedOutput(10);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> small.write(new byte[11], 0, 11)))
        .isInstanceOf(CappedOutput.TooLarge.class)
        .hasMessage("the document passed 25 MB");
  }

  private String error(DocumentTool tool, Map<String, Object> arguments) {
    ToolResult result = tool.invoke(arguments, context);
    assertThat(result.isError()).as(result.content()).isTrue();
    assertThat(result.attachments()).isEmpty();
    assertThat(result.content()).doesNotContain("Exception").doesNotContain("org.apache");
    return result.content();
  }
}
