package io.protohive.app.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small real documents the tests upload: PDFs with PDFBox, Word files with POI. */
final class Documents {

  private Documents() {}

  /** A PDF with one page per text, each page holding its text. */
  static byte[] pdf(List<String> pages) throws IOException {
    return pdf(pages, null);
  }

  /** The same PDF, encrypted with a user password. */
  static byte[] encryptedPdf(List<String> pages) throws IOException {
    return pdf(pages, "secret");
  }

  private static byte[] pdf(List<String> pages, String password) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (String text : pages) {
        PDPage page = new PDPage();
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 11);
          content.newLineAtOffset(50, 700);
          content.setLeading(14);
          for (String line : wrap(text, 90)) {
            content.showText(line);
            content.newLine();
          }
          content.endText();
        }
      }
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  /** A Word document: a heading, then its paragraphs. */
  static byte[] docx(String heading, List<String> paragraphs) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      var title = document.createParagraph();
      title.setStyle("Heading1");
      title.createRun().setText(heading);
      for (String text : paragraphs) {
        document.createParagraph().createRun().setText(text);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
