package io.protohive.kernel.knowledge;

import io.protohive.kernel.file.ContentTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Small real documents of every ingested format, written in the test. */
final class TestDocuments {

  private TestDocuments() {}

  /** A PDF with one page per text; a {@code null} text leaves its page blank. */
  static byte[] pdf(List<String> pages) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addPages(document, pages);
      return save(document);
    }
  }

  static byte[] encryptedPdf(String text) throws IOException {
    try (PDDocument document = new PDDocument()) {
      addPages(document, List.of(text));
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    }
  }

  private static void addPages(PDDocument document, List<String> pages) throws IOException {
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    for (String text : pages) {
      PDPage page = new PDPage();
      document.addPage(page);
      if (text == null) {
        continue;
      }
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 12);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
    }
  }

  private static byte[] save(PDDocument document) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    document.save(bytes);
    return bytes.toByteArray();
  }

  /**
   * A Word document: "Introduction" (heading 1) with a paragraph, "Prices" (heading 2) with a
   * paragraph and a table, then "Summary" (heading 1) with a paragraph.
   */
  static byte[] docx() throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      XWPFStyles styles = document.createStyles();
      styles.addStyle(headingStyle(1));
      styles.addStyle(headingStyle(2));
      heading(document, 1, "Introduction");
      document.createParagraph().createRun().setText("Honey bees live in colonies.");
      heading(document, 2, "Prices");
      document.createParagraph().createRun().setText("The price list follows.");
      XWPFTable table = document.createTable(3, 2);
      String[][] cells = {{"Product", "Price"}, {"Acacia honey", "12 EUR"}, {"Wax", "3 EUR"}};
      for (int row = 0; row < cells.length; row++) {
        for (int column = 0; column < 2; column++) {
          table.getRow(row).getCell(column).setText(cells[row][column]);
        }
      }
      heading(document, 1, "Summary");
      document.createParagraph().createRun().setText("Bees make honey.");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.write(bytes);
      return bytes.toByteArray();
    }
  }

  /** A Word document of one paragraph. */
  static byte[] docx(String text) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.createParagraph().createRun().setText(text);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.write(out);
      return out.toByteArray();
    }
  }

  private static XWPFStyle headingStyle(int level) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId("Heading" + level);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal("heading " + level);
    return new XWPFStyle(style);
  }

  private static void heading(XWPFDocument document, int level, String text) {
    var paragraph = document.createParagraph();
    paragraph.setStyle("Heading" + level);
    paragraph.createRun().setText(text);
  }

  static byte[] xlsx() throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      XSSFSheet sheet = workbook.createSheet("Hives");
      String[][] cells = {{"Hive", "Colony"}, {"North", "strong"}, {"South", "weak"}};
      for (int row = 0; row < cells.length; row++) {
        var cellRow = sheet.createRow(row);
        for (int column = 0; column < 2; column++) {
          cellRow.createCell(column).setCellValue(cells[row][column]);
        }
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      workbook.write(bytes);
      return bytes.toByteArray();
    }
  }

  static byte[] pptx(List<String> slides) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow()) {
      for (String text : slides) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox box = slide.createTextBox();
        box.setText(text);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      show.write(bytes);
      return bytes.toByteArray();
    }
  }

  /** An OpenDocument text built by hand: POI does not write ODF. */
  static byte[] odt() throws IOException {
    String content =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content
            xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
          <office:body><office:text>
            <text:h text:outline-level="1">Swarming</text:h>
            <text:p>Colonies swarm in spring.</text:p>
            <text:h text:outline-level="2">Prevention</text:h>
            <text:p>Give the queen room to lay.</text:p>
          </office:text></office:body>
        </office:document-content>
        """;
    String manifest =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
            manifest:version="1.2">
          <manifest:file-entry manifest:full-path="/"
              manifest:media-type="application/vnd.oasis.opendocument.text"/>
          <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      byte[] mimetype = ContentTypes.ODT.getBytes(StandardCharsets.US_ASCII);
      ZipEntry first = new ZipEntry("mimetype");
      first.setMethod(ZipEntry.STORED);
      first.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      first.setCrc(crc.getValue());
      zip.putNextEntry(first);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.strip().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.strip().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /**
   * A Word document whose main part inflates to {@code inflatedBytes} of one repeated letter:
   * kilobytes on disk, far more in memory.
   */
  static byte[] docxBomb(int inflatedBytes) throws IOException {
    byte[] docx = docx();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(docx));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      out.setLevel(Deflater.BEST_SPEED);
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().equals("word/document.xml")) {
          writeInflatingDocument(out, inflatedBytes);
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void writeInflatingDocument(ZipOutputStream out, int inflatedBytes)
      throws IOException {
    out.write(
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w="
                + "\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>")
            .getBytes(StandardCharsets.UTF_8));
    byte[] letters = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
    for (int written = 0; written < inflatedBytes; written += letters.length) {
      out.write(letters);
    }
    out.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
