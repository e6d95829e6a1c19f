package io.protohive.plugins.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.util.logging.Level;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** Writes a Markdown document tree as a PDF: HTML with a plain stylesheet, laid out in pages. */
final class PdfWriter {

  private static final String STYLE =
      """
      @page { size: A4; margin: 22mm 20mm; \
        @bottom-center { content: counter(page) " / " counter(pages); \
          font-family: sans-serif; font-size: 8pt; color: #666; } }
      body { font-family: sans-serif; font-size: 10.5pt; line-height: 1.45; color: #222; }
      h1 { font-size: 20pt; margin: 0 0 10pt; }
      h2 { font-size: 15pt; margin: 16pt 0 6pt; }
      h3 { font-size: 12.5pt; margin: 14pt 0 4pt; }
      h4, h5, h6 { font-size: 11pt; margin: 12pt 0 4pt; }
      h1, h2, h3, h4, h5, h6 { page-break-after: avoid; }
      p { margin: 0 0 8pt; }
      ul, ol { margin: 0 0 8pt; padding-left: 18pt; }
      li { margin: 0 0 2pt; }
      code { font-family: monospace; font-size: 9pt; background: #f2f2f2; }
      pre { font-family: monospace; font-size: 9pt; background: #f5f5f5; \
        border: 0.5pt solid #ddd; padding: 6pt; white-space: pre-wrap; }
      pre code { background: none; }
      blockquote { margin: 0 0 8pt; padding-left: 10pt; border-left: 2pt solid #ccc; \
        color: #555; }
      table { border-collapse: collapse; width: 100%; margin: 0 0 10pt; \
        -fs-table-paginate: paginate; }
      th, td { border: 0.5pt solid #bbb; padding: 3pt 5pt; text-align: left; \
        vertical-align: top; }
      th { background: #eee; font-weight: bold; }
      hr { border: none; border-top: 0.5pt solid #bbb; margin: 10pt 0; }
      a { color: #0550ae; text-decoration: none; }
      """;

  static {
    // openhtmltopdf reports each rendering at INFO; the platform's log needs only its warnings
    for (String log : XRLog.listRegisteredLoggers()) {
      XRLog.setLevel(log, Level.WARNING);
    }
  }

  private PdfWriter() {}

  /** The document's bytes, at most {@link CappedOutput#MAX_BYTES}. */
  static byte[] write(String title, Node markdown) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"/><title>")
        .append(escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
    if (!(markdown.getFirstChild() instanceof Heading heading && heading.getLevel() == 1)) {
      html.append("<h1>").append(escape(title)).append("</h1>");
    }
    html.append(Markdown.html(markdown)).append("</body></html>");
    CappedOutput out = new CappedOutput();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html.toString(), null);
    // nothing the document names is fetched: it holds no images, and no other resource loads
    builder.useUriResolver((base, uri) -> null);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
