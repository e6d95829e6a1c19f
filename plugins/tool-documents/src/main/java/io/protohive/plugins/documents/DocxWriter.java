package io.protohive.plugins.documents;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMultiLevelType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Writes a Markdown document tree as a Word document with real headings, lists and tables. */
final class DocxWriter {

  private static final String CODE_FONT = "Courier New";
  private static final String[] BULLETS = {"\u2022", "\u25e6", "\u25aa"};
  private static final int INDENT = 720;

  private final XWPFDocument document;
  private int abstractNumbers;

  private DocxWriter(XWPFDocument document) {
    this.document = document;
  }

  /** The document's bytes, at most {@link CappedOutput#MAX_BYTES}. */
  static byte[] write(String title, Node markdown) throws IOException {
    try (XWPFDocument document = new XWPFDocument()) {
      document.getProperties().getCoreProperties().setTitle(title);
      installStyles(document);
      DocxWriter writer = new DocxWriter(document);
      if (!(markdown.getFirstChild() instanceof Heading heading && heading.getLevel() == 1)) {
        XWPFParagraph named = document.createParagraph();
        named.setStyle("Title");
        named.createRun().setText(title);
      }
      Place body = new Place(document::createParagraph, 0, null, 0);
      for (Node block = markdown.getFirstChild(); block != null; block = block.getNext()) {
        writer.block(block, body);
      }
      CappedOutput out = new CappedOutput();
      document.write(out);
      return out.toByteArray();
    }
  }

  /**
   * Where blocks go: the paragraphs' source, the quote depth, and the list numbering the next
   * paragraph carries (none after an item's first paragraph).
   */
  private static final class Place {
    final Supplier<XWPFParagraph> paragraphs;
    final int quotes;
    BigInteger numbering;
    final int level;

    Place(Supplier<XWPFParagraph> paragraphs, int quotes, BigInteger numbering, int level) {
      this.paragraphs = paragraphs;
      this.quotes = quotes;
      this.numbering = numbering;
      this.level = level;
    }

    XWPFParagraph next() {
      XWPFParagraph paragraph = paragraphs.get();
      int indent = INDENT * (quotes + level);
      if (numbering != null) {
        paragraph.setNumID(numbering);
        paragraph.setNumILvl(BigInteger.valueOf(Math.min(level - 1, 8)));
        numbering = null;
      } else if (indent > 0) {
        paragraph.setIndentationLeft(indent);
      }
      if (quotes > 0) {
        paragraph.setBorderLeft(Borders.SINGLE);
      }
      return paragraph;
    }
  }

  private record Format(boolean bold, boolean italic, boolean code) {
    static final Format PLAIN = new Format(false, false, false);

    Format asBold() {
      return new Format(true, italic, code);
    }

    Format asItalic() {
      return new Format(bold, true, code);
    }

    Format asCode() {
      return new Format(bold, italic, true);
    }
  }

  private void block(Node node, Place place) {
    if (node instanceof Heading heading) {
      XWPFParagraph paragraph = place.next();
      paragraph.setStyle("Heading" + heading.getLevel());
      inlines(heading, paragraph, Format.PLAIN);
    } else if (node instanceof Paragraph) {
      inlines(node, place.next(), Format.PLAIN);
    } else if (node instanceof ListBlock list) {
      list(list, place);
    } else if (node instanceof FencedCodeBlock code) {
      code(code.getLiteral(), place);
    } else if (node instanceof IndentedCodeBlock code) {
      code(code.getLiteral(), place);
    } else if (node instanceof BlockQuote) {
      Place quoted = new Place(place.paragraphs, place.quotes + 1, null, place.level);
      children(node, quoted);
    } else if (node instanceof ThematicBreak) {
      place.next().setBorderBottom(Borders.SINGLE);
    } else if (node instanceof TableBlock table) {
      table(table);
    } else if (node instanceof HtmlBlock html) {
      code(html.getLiteral(), place);
    } else {
      children(node, place);
    }
  }

  private void children(Node parent, Place place) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      block(child, place);
    }
  }

  private void list(ListBlock list, Place place) {
    int start = 1;
    if (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null) {
      start = Math.max(0, ordered.getMarkerStartNumber());
    }
    BigInteger numbering = numbering(!(list instanceof BulletList), start);
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (item instanceof ListItem) {
        Place inItem = new Place(place.paragraphs, place.quotes, numbering, place.level + 1);
        if (item.getFirstChild() == null) {
          inItem.next();
        }
        children(item, inItem);
      }
    }
  }

  private BigInteger numbering(boolean ordered, int start) {
    CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
    definition.setAbstractNumId(BigInteger.valueOf(abstractNumbers++));
    definition.addNewMultiLevelType().setVal(STMultiLevelType.HYBRID_MULTILEVEL);
    for (int level = 0; level < 9; level++) {
      CTLvl lvl = definition.addNewLvl();
      lvl.setIlvl(BigInteger.valueOf(level));
      lvl.addNewStart().setVal(BigInteger.valueOf(level == 0 ? start : 1));
      lvl.addNewNumFmt().setVal(ordered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
      lvl.addNewLvlText()
          .setVal(ordered ? "%" + (level + 1) + "." : BULLETS[level % BULLETS.length]);
      CTInd indent = lvl.addNewPPr().addNewInd();
      indent.setLeft(BigInteger.valueOf((long) INDENT * (level + 1)));
      indent.setHanging(BigInteger.valueOf(INDENT / 2));
    }
    var numbering = document.createNumbering();
    BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering));
    return numbering.addNum(abstractId);
  }

  private void code(String literal, Place place) {
    XWPFParagraph paragraph = place.next();
    paragraph.setSpacingAfter(120);
    String[] lines = literal.replaceAll("\n$", "").split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = paragraph.createRun();
      run.setFontFamily(CODE_FONT);
      run.setFontSize(9);
      run.setText(lines[i]);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }

  private void table(TableBlock block) {
    List<TableRow> rows = new ArrayList<>();
    List<Boolean> header = new ArrayList<>();
    for (Node part = block.getFirstChild(); part != null; part = part.getNext()) {
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (row instanceof TableRow tableRow) {
          rows.add(tableRow);
          header.add(part instanceof TableHead);
        }
      }
    }
    int columns = 0;
    for (TableRow row : rows) {
      int cells = 0;
      for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
        cells++;
      }
      columns = Math.max(columns, cells);
    }
    if (rows.isEmpty() || columns == 0) {
      return;
    }
    XWPFTable table = document.createTable(rows.size(), columns);
    table.setWidth("100%");
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r);
      if (header.get(r)) {
        row.setRepeatHeader(true);
      }
      int c = 0;
      for (Node cell = rows.get(r).getFirstChild(); cell != null; cell = cell.getNext(), c++) {
        if (cell instanceof TableCell) {
          XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
          inlines(cell, paragraph, header.get(r) ? Format.PLAIN.asBold() : Format.PLAIN);
        }
      }
    }
    document.createParagraph();
  }

  private void inlines(Node parent, XWPFParagraph paragraph, Format format) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      inline(child, paragraph, format);
    }
  }

  private void inline(Node node, XWPFParagraph paragraph, Format format) {
    if (node instanceof Text text) {
      run(paragraph, text.getLiteral(), format);
    } else if (node instanceof StrongEmphasis) {
      inlines(node, paragraph, format.asBold());
    } else if (node instanceof Emphasis) {
      inlines(node, paragraph, format.asItalic());
    } else if (node instanceof Code code) {
      run(paragraph, code.getLiteral(), format.asCode());
    } else if (node instanceof SoftLineBreak) {
      run(paragraph, " ", format);
    } else if (node instanceof HardLineBreak) {
      paragraph.createRun().addBreak();
    } else if (node instanceof HtmlInline html) {
      run(paragraph, html.getLiteral(), format);
    } else if (node instanceof Link link && linkable(link.getDestination())) {
      XWPFHyperlinkRun run = paragraph.createHyperlinkRun(link.getDestination());
      run.setText(Markdown.textOf(link));
      run.setUnderline(UnderlinePatterns.SINGLE);
      run.setColor("0563C1");
      run.setBold(format.bold());
      run.setItalic(format.italic());
    } else {
      inlines(node, paragraph, format);
    }
  }

  private static boolean linkable(String destination) {
    String lower = destination.toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:");
  }

  private static void run(XWPFParagraph paragraph, String text, Format format) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    if (format.bold()) {
      run.setBold(true);
    }
    if (format.italic()) {
      run.setItalic(true);
    }
    if (format.code()) {
      run.setFontFamily(CODE_FONT);
    }
  }

  /** Title and Heading 1 to 6, named as Word names them, so that readers see the outline. */
  private static void installStyles(XWPFDocument document) {
    XWPFStyles styles = document.createStyles();
    styles.addStyle(paragraphStyle("Title", "Title", -1, 52));
    int[] sizes = {36, 30, 26, 24, 22, 22};
    for (int level = 1; level <= 6; level++) {
      styles.addStyle(
          paragraphStyle("Heading" + level, "heading " + level, level - 1, sizes[level - 1]));
    }
  }

  private static XWPFStyle paragraphStyle(String id, String name, int outline, int halfPoints) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    style.addNewQFormat();
    CTPPrGeneral paragraph = style.addNewPPr();
    paragraph.addNewKeepNext();
    paragraph.addNewSpacing().setBefore(BigInteger.valueOf(240));
    paragraph.getSpacing().setAfter(BigInteger.valueOf(120));
    if (outline >= 0) {
      paragraph.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
    }
    CTRPr run = style.addNewRPr();
    run.addNewB();
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    return new XWPFStyle(style);
  }
}
