package io.protohive.kernel.knowledge;

import io.protohive.kernel.knowledge.TextBlock.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Builds {@link TextBlock}s from the XHTML that Tika's parsers write: {@code div}s of the page
 * class open pages, {@code h1}–{@code h6} set the heading path, tables become one block each, and
 * other block elements end paragraphs. Stops the parse once the text exceeds its limit or the
 * caller gives up.
 */
final class StructureHandler extends DefaultHandler implements MarkdownReader.Sink {

  private static final Set<String> BLOCK_ELEMENTS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "pre",
          "blockquote",
          "section",
          "article",
          "header",
          "footer",
          "aside",
          "nav",
          "main",
          "figure",
          "figcaption",
          "hr",
          "address",
          "caption");

  private static final Set<String> SKIPPED_ELEMENTS = Set.of("head", "script", "style", "title");

  private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The {@code div} class whose elements are pages, or {@code null} for formats without pages. */
  private final String pageClass;

  private final boolean markdown;
  private final int maxCharacters;
  private final BooleanSupplier cancelled;

  private final List<TextBlock> blocks = new ArrayList<>();
  private final String[] headings = new String[6];
  private final StringBuilder paragraph = new StringBuilder();
  private final StringBuilder heading = new StringBuilder();
  private final List<String> tableRows = new ArrayList<>();
  private final List<String> rowCells = new ArrayList<>();
  private final StringBuilder cell = new StringBuilder();
  private final List<DivKind> openDivs = new ArrayList<>();

  private enum DivKind {
    PAGE,
    EMBEDDED,
    OTHER
  }

  private long characters;
  private int pages;
  private Integer page;
  private int headingLevel;
  private int tableDepth;
  private int skipDepth;
  private int embeddedDepth;
  private boolean limitReached;
  private boolean stopped;

  StructureHandler(
      String pageClass, boolean markdown, int maxCharacters, BooleanSupplier cancelled) {
    this.pageClass = pageClass;
    this.markdown = markdown;
    this.maxCharacters = maxCharacters;
    this.cancelled = cancelled;
  }

  List<TextBlock> blocks() {
    return List.copyOf(blocks);
  }

  Integer pageCount() {
    return pageClass == null ? null : pages;
  }

  /** Whether the text went beyond the limit; parsers may swallow the exception that said so. */
  boolean limitReached() {
    return limitReached;
  }

  /** Whether the parse was stopped because the caller gave up waiting. */
  boolean stopped() {
    return stopped;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes)
      throws SAXException {
    checkCancelled();
    String name = localName.isEmpty() ? qName : localName;
    if (SKIPPED_ELEMENTS.contains(name) || skipDepth > 0) {
      skipDepth++;
      return;
    }
    if (name.equals("div")) {
      openDiv(attributes.getValue("class"));
    }
    if (tableDepth > 0) {
      startInTable(name);
      return;
    }
    if (name.equals("table")) {
      endParagraph();
      tableDepth = 1;
    } else if (headingLevel(name) > 0) {
      endParagraph();
      headingLevel = headingLevel(name);
    } else if (BLOCK_ELEMENTS.contains(name) || name.equals("br")) {
      if (name.equals("br")) {
        paragraph.append('\n');
      } else {
        endParagraph();
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    String name = localName.isEmpty() ? qName : localName;
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    if (tableDepth > 0) {
      endInTable(name);
    } else if (headingLevel > 0 && headingLevel(name) == headingLevel) {
      endHeading();
    } else if (BLOCK_ELEMENTS.contains(name)) {
      endParagraph();
    }
    if (name.equals("div")) {
      closeDiv();
    }
  }

  @Override
  public void characters(char[] text, int start, int length) throws SAXException {
    checkCancelled();
    if (skipDepth > 0) {
      return;
    }
    characters += length;
    if (characters > maxCharacters) {
      limitReached = true;
      throw new SAXException("the text exceeds " + maxCharacters + " characters");
    }
    target().append(text, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] text, int start, int length) throws SAXException {
    characters(text, start, length);
  }

  @Override
  public void endDocument() {
    if (tableDepth > 0) {
      tableDepth = 1;
      endInTable("table");
    }
    endParagraph();
  }

  @Override
  public void heading(int level, String text) {
    setHeading(level, text);
  }

  @Override
  public void paragraph(String text) {
    addParagraph(text);
  }

  @Override
  public void table(List<String> rows) {
    addTable(rows);
  }

  private StringBuilder target() {
    if (headingLevel > 0) {
      return heading;
    }
    return tableDepth > 0 ? cell : paragraph;
  }

  private void openDiv(String classes) {
    DivKind kind = DivKind.OTHER;
    if (classes != null) {
      List<String> names = Arrays.asList(WHITESPACE.split(classes));
      if (names.contains("package-entry") || names.contains("embedded")) {
        kind = DivKind.EMBEDDED;
        embeddedDepth++;
      } else if (embeddedDepth == 0 && pageClass != null && names.contains(pageClass)) {
        kind = DivKind.PAGE;
        endParagraph();
        page = ++pages;
      }
    }
    openDivs.add(kind);
  }

  private void closeDiv() {
    if (openDivs.isEmpty()) {
      return;
    }
    if (openDivs.remove(openDivs.size() - 1) == DivKind.EMBEDDED) {
      embeddedDepth--;
    }
  }

  private void startInTable(String name) {
    switch (name) {
      case "table" -> tableDepth++;
      case "tr" -> {
        if (tableDepth == 1) {
          endRow();
        }
      }
      case "td", "th" -> {
        if (tableDepth == 1) {
          endCell();
        } else {
          cell.append(' ');
        }
      }
      default -> cell.append(' ');
    }
  }

  private void endInTable(String name) {
    switch (name) {
      case "table" -> {
        if (--tableDepth == 0) {
          endRow();
          addTable(tableRows);
          tableRows.clear();
        }
      }
      case "tr", "caption" -> {
        if (tableDepth == 1) {
          endRow();
        }
      }
      case "td", "th" -> {
        if (tableDepth == 1) {
          endCell();
        }
      }
      default -> cell.append(' ');
    }
  }

  private void endCell() {
    String text = normalize(cell);
    cell.setLength(0);
    if (!text.isEmpty()) {
      rowCells.add(text);
    }
  }

  private void endRow() {
    endCell();
    if (!rowCells.isEmpty()) {
      tableRows.add(String.join(" | ", rowCells));
      rowCells.clear();
    }
  }

  private void endHeading() {
    int level = headingLevel;
    headingLevel = 0;
    String text = normalize(heading);
    heading.setLength(0);
    if (!text.isEmpty()) {
      setHeading(level, text);
    }
  }

  private void setHeading(int level, String text) {
    headings[level - 1] = text;
    Arrays.fill(headings, level, headings.length, null);
  }

  private void endParagraph() {
    if (paragraph.isEmpty()) {
      return;
    }
    String raw = paragraph.toString();
    paragraph.setLength(0);
    if (markdown) {
      MarkdownReader.read(raw, this);
      return;
    }
    for (String part : BLANK_LINE.split(raw)) {
      addParagraph(part);
    }
  }

  private void addParagraph(String raw) {
    String text = normalize(raw);
    if (!text.isEmpty()) {
      blocks.add(new TextBlock(page, headingPath(), Kind.PARAGRAPH, text));
    }
  }

  private void addTable(List<String> rows) {
    if (!rows.isEmpty()) {
      blocks.add(new TextBlock(page, headingPath(), Kind.TABLE, String.join("\n", rows)));
    }
  }

  private String headingPath() {
    String path =
        Arrays.stream(headings)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(TextBlock.HEADING_SEPARATOR));
    return path.isEmpty() ? null : path;
  }

  private void checkCancelled() throws SAXException {
    if (cancelled.getAsBoolean()) {
      stopped = true;
      throw new SAXException("the extraction was cancelled");
    }
  }

  private static int headingLevel(String element) {
    if (element.length() == 2 && element.charAt(0) == 'h') {
      char digit = element.charAt(1);
      if (digit >= '1' && digit <= '6') {
        return digit - '0';
      }
    }
    return 0;
  }

  private static String normalize(CharSequence text) {
    return WHITESPACE.matcher(text).replaceAll(" ").strip();
  }
}
