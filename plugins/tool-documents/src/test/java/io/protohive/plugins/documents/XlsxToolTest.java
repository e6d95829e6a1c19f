package io.protohive.plugins.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.plugin.api.ToolContext;
import io.protohive.plugin.api.ToolResult;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxToolTest {

  private final ToolContext context = ToolContext.builder(UUID.randomUUID()).build();

  @Test
  void writesSheetsWithNumbersAsNumbersAndABoldHeader() throws Exception {
    List<Object> blank = Arrays.asList("Total", null, new BigDecimal("2180.5"));
    Map<String, Object> arguments =
        Map.of(
            "title",
            "Revenue 2026",
            "sheets",
            List.of(
                Map.of(
                    "name",
                    "By region",
                    "rows",
                    List.of(
                        List.of("Region", "Audited", "Revenue"),
                        List.of("North and the islands beyond", true, 1200),
                        List.of("South", false, "980.5"),
                        List.of("Postcode", false, "01234"),
                        blank)),
                Map.of("name", "Notes/[draft]", "rows", List.of(List.of("=1+1")))));

    ToolResult result = new XlsxTool().invoke(arguments, context);

    assertThat(result.isError()).as(result.content()).isFalse();
    assertThat(result.content()).startsWith("Wrote the workbook Revenue 2026.xlsx: 2 sheet(s), 6");
    ToolResult.Attachment file = result.attachments().get(0);
    assertThat(file.name()).isEqualTo("Revenue 2026.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
      XSSFSheet sheet = workbook.getSheet("By region");
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Region");
      assertThat(
              workbook
                  .getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                  .getBold())
          .isTrue();
      assertThat(
              workbook
                  .getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex())
                  .getBold())
          .isFalse();
      assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1200);
      assertThat(sheet.getRow(1).getCell(1).getBooleanCellValue()).isTrue();
      assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(980.5);
      assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("01234");
      assertThat(sheet.getRow(4).getCell(1)).isNull();
      assertThat(sheet.getRow(4).getCell(2).getNumericCellValue()).isEqualTo(2180.5);
      assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(1));
      assertThat(sheet.getColumnWidth(0) / 256).isGreaterThanOrEqualTo(28);

      XSSFSheet notes = workbook.getSheetAt(1);
      assertThat(notes.getSheetName()).isEqualTo("Notes  draft ");
      assertThat(notes.getRow(0).getCell(0).getCellType()).isEqualTo(CellType.STRING);
      assertThat(notes.getRow(0).getCell(0).getStringCellValue()).isEqualTo("=1+1");
    }
  }

  @Test
  void namesSheetsThatHaveNoNameOrTheSameName() throws Exception {
    Map<String, Object> arguments =
        Map.of(
            "title",
            "Sheets",
            "sheets",
            List.of(
                Map.of("rows", List.of()),
                Map.of("name", "Data", "rows", List.of()),
                Map.of("name", "data", "rows", List.of())));

    ToolResult result = new XlsxTool().invoke(arguments, context);

    try (XSSFWorkbook workbook =
        new XSSFWorkbook(new ByteArrayInputStream(result.attachments().get(0).content()))) {
      assertThat(workbook.getSheetName(0)).isEqualTo("Sheet 1");
      assertThat(workbook.getSheetName(1)).isEqualTo("Data");
      assertThat(workbook.getSheetName(2)).isEqualTo("data (2)");
    }
  }
}
