package io.protohive.plugins.documents;

import io.protohive.plugin.api.Tool;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Writes rows as an Excel workbook. */
@Component(service = Tool.class)
public final class XlsxTool extends DocumentTool {

  public static final String ID = "documents.xlsx";
  static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Excel workbook";
  }

  @Override
  public String description() {
    return "Writes an Excel workbook (XLSX) and saves it as a file of the organization. Each sheet"
        + " has a name and rows; a row is an array of cells (text, numbers, true/false or null)."
        + " The first row is the header. 'title' names the file.";
  }

  @Override
  public String parametersSchema() {
    return """
        {"type":"object","required":["title","sheets"],"properties":{\
        "title":{"type":"string","maxLength":%d,\
        "description":"The workbook's title; the file is named after it"},\
        "sheets":{"type":"array","minItems":1,"maxItems":%d,"items":{"type":"object",\
        "required":["rows"],"properties":{\
        "name":{"type":"string","description":"The sheet's name, at most 31 characters"},\
        "rows":{"type":"array","description":"Rows of cells, the first row the header",\
        "items":{"type":"array","items":{"description":\
        "A cell: text, a number, true, false or null; numbers written as text count as numbers"}}}}}}}}"""
        .formatted(Inputs.MAX_TITLE, XlsxWriter.MAX_SHEETS);
  }

  @Override
  Written write(Map<String, Object> arguments) throws BadInput, IOException {
    String title = Inputs.title(arguments);
    XlsxWriter.Written workbook = XlsxWriter.write(title, XlsxWriter.sheets(arguments));
    String name = FileNames.of(title, "xlsx");
    return new Written(
        name,
        MEDIA_TYPE,
        workbook.bytes(),
        "Wrote the workbook "
            + name
            + ": "
            + workbook.sheets()
            + " sheet(s), "
            + workbook.rows()
            + " row(s)");
  }
}
