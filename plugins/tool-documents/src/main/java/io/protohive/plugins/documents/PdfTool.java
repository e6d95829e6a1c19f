package io.protohive.plugins.documents;

import io.protohive.plugin.api.Tool;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Writes Markdown as a PDF. */
@Component(service = Tool.class)
public final class PdfTool extends DocumentTool {

  public static final String ID = "documents.pdf";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "PDF document";
  }

  @Override
  public String description() {
    return "Writes a PDF (A4, page numbers) from Markdown and saves it as a file of the"
        + " organization. Supports headings, paragraphs, bold and italic, bullet and numbered"
        + " lists, tables (GitHub style), block quotes, links and code blocks; images are left"
        + " out. 'title' names the file.";
  }

  @Override
  public String parametersSchema() {
    return MarkdownSchema.JSON;
  }

  @Override
  Written write(Map<String, Object> arguments) throws BadInput, IOException {
    String title = Inputs.title(arguments);
    byte[] bytes = PdfWriter.write(title, Markdown.parse(Inputs.markdown(arguments)));
    String name = FileNames.of(title, "pdf");
    return new Written(name, "application/pdf", bytes, "Wrote the PDF " + name);
  }
}
