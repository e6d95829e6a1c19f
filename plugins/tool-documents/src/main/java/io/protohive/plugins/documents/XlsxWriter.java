package io.protohive.plugins.documents;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes sheets of rows as an Excel workbook: numbers as numbers, a bold header row. */
final class XlsxWriter {

  static final int MAX_SHEETS = 50;
  static final int MAX_ROWS = 10_000;
  static final int MAX_COLUMNS = 200;
  static final int MAX_CELL = 32_767;
  private static final int MAX_WIDTH = 60;
  private static final int MIN_WIDTH = 6;
  // plain decimals; a leading zero ("007", a postcode) stays text
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,15})?");

  /** A sheet as the model described it, checked. */
  record Sheet(String name, List<List<Object>> rows) {}

  /** What was written. */
  record Written(byte[] bytes, int sheets, int rows) {}

  private XlsxWriter() {}

  /** The sheets from the arguments, or the reason they cannot be written. */
  static List<Sheet> sheets(Map<String, Object> arguments) throws BadInput {
    Object given = arguments.get("sheets");
    if (given == null) {
      throw new BadInput("'sheets' is required: an array of {name, rows}.");
    }
    List<?> sheets = Inputs.list(given, "sheets");
    if (sheets.isEmpty()) {
      throw new BadInput("'sheets' is empty: give at least one sheet.");
    }
    if (sheets.size() > MAX_SHEETS) {
      throw new BadInput("At most " + MAX_SHEETS + " sheets are accepted.");
    }
    List<Sheet> checked = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int rowCount = 0;
    for (int s = 0; s < sheets.size(); s++) {
      if (!(sheets.get(s) instanceof Map<?, ?> sheet)) {
        throw new BadInput("Sheet " + (s + 1) + " must be an object {name, rows}.");
      }
      String name = sheetName(sheet.get("name"), s, names);
      List<?> rows = Inputs.list(sheet.get("rows"), "rows of sheet '" + name + "'");
      rowCount += rows.size();
      if (rowCount > MAX_ROWS) {
        throw new BadInput("At most " + MAX_ROWS + " rows are accepted over all sheets.");
      }
      List<List<Object>> cells = new ArrayList<>();
      for (int r = 0; r < rows.size(); r++) {
        List<?> row = Inputs.list(rows.get(r), "row " + (r + 1) + " of sheet '" + name + "'");
        if (row.size() > MAX_COLUMNS) {
          throw new BadInput(
              "Row "
                  + (r + 1)
                  + " of sheet '"
                  + name
                  + "' has more than "
                  + MAX_COLUMNS
                  + " cells.");
        }
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
          values.add(cell(row.get(c), name, r, c));
        }
        cells.add(values);
      }
      checked.add(new Sheet(name, cells));
    }
    return checked;
  }

  private static String sheetName(Object given, int index, Set<String> taken) {
    String name =
        given instanceof String text && !text.isBlank()
            ? WorkbookUtil.createSafeSheetName(Inputs.withoutControlCharacters(text).strip())
            : "Sheet " + (index + 1);
    String unique = name;
    for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
    }
    return unique;
  }

  private static Object cell(Object value, String sheet, int row, int column) throws BadInput {
    String where = "Cell " + (row + 1) + ":" + (column + 1) + " of sheet '" + sheet + "'";
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number number) {
      double d = new BigDecimal(number.toString()).doubleValue();
      if (Double.isInfinite(d) || Double.isNaN(d)) {
        throw new BadInput(where + " holds a number too large for a spreadsheet.");
      }
      return d;
    }
    if (value instanceof String text) {
      if (text.length() > MAX_CELL) {
        throw new BadInput(where + " holds more than " + MAX_CELL + " characters.");
      }
      if (NUMBER.matcher(text.strip()).matches()) {
        return Double.parseDouble(text.strip());
      }
      return Inputs.withoutControlCharacters(text);
    }
    throw new BadInput(where + " is an object or array; give text, a number or true/false.");
  }

  /** The workbook's bytes, at most {@link CappedOutput#MAX_BYTES}. */
  static Written write(String title, List<Sheet> sheets) throws IOException {
    // rows past the window go to a temporary file, which closing the workbook deletes
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      int rows = 0;
      for (Sheet given : sheets) {
        SXSSFSheet sheet = workbook.createSheet(given.name());
        int[] widths = new int[MAX_COLUMNS];
        for (int r = 0; r < given.rows().size(); r++) {
          Row row = sheet.createRow(r);
          List<Object> values = given.rows().get(r);
          for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value == null) {
              continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Double number) {
              cell.setCellValue(number);
            } else if (value instanceof Boolean flag) {
              cell.setCellValue(flag);
            } else {
              cell.setCellValue((String) value);
            }
            if (r == 0) {
              cell.setCellStyle(header);
            }
            widths[c] = Math.max(widths[c], shown(value) + (r == 0 ? 2 : 1));
          }
        }
        if (!given.rows().isEmpty()) {
          sheet.createFreezePane(0, 1);
        }
        for (int c = 0; c < MAX_COLUMNS; c++) {
          if (widths[c] > 0) {
            sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c])) * 256);
          }
        }
        rows += given.rows().size();
      }
      CappedOutput out = new CappedOutput();
      workbook.write(out);
      return new Written(out.toByteArray(), sheets.size(), rows);
    }
  }

  /** The characters a value shows, its longest line for text. */
  private static int shown(Object value) {
    if (value instanceof Double number) {
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? String.valueOf(number.longValue()).length()
          : String.valueOf(number).length();
    }
    if (value instanceof String text) {
      int longest = 0;
      int line = 0;
      for (int i = 0; i < text.length(); i++) {
        line = text.charAt(i) == '\n' ? 0 : line + 1;
        longest = Math.max(longest, line);
      }
      return longest;
    }
    return String.valueOf(value).length();
  }
}
