package io.protohive.kernel.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structure of Markdown, which Tika reads as plain text: ATX headings ({@code # Title}),
 * paragraphs between blank lines, pipe tables, and fenced code kept as one paragraph in which a
 * {@code #} is no heading.
 */
final class MarkdownReader {

  interface Sink {
    void heading(int level, String text);

    void paragraph(String text);

    void table(List<String> rows);
  }

  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?\\s*#*\\s*$");

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  private static final Pattern TABLE_DELIMITER = Pattern.compile("^\\s*\\|?[\\s:|-]*-[\\s:|-]*$");

  private MarkdownReader() {}

  static void read(String text, Sink sink) {
    List<String> paragraph = new ArrayList<>();
    List<String> table = new ArrayList<>();
    String fence = null;
    for (String line : text.split("\\R", -1)) {
      if (fence != null) {
        paragraph.add(line);
        if (line.strip().startsWith(fence)) {
          fence = null;
          flush(paragraph, sink);
        }
        continue;
      }
      Matcher fenceStart = FENCE.matcher(line);
      Matcher heading = HEADING.matcher(line);
      if (fenceStart.find()) {
        flushTable(table, sink);
        flush(paragraph, sink);
        fence = fenceStart.group(1);
        paragraph.add(line);
      } else if (heading.matches()) {
        flushTable(table, sink);
        flush(paragraph, sink);
        String title = heading.group(2) == null ? "" : heading.group(2).strip();
        if (!title.isEmpty()) {
          sink.heading(heading.group(1).length(), title);
        }
      } else if (line.strip().startsWith("|")) {
        flush(paragraph, sink);
        if (!TABLE_DELIMITER.matcher(line).matches()) {
          table.add(tableRow(line));
        }
      } else if (line.isBlank()) {
        flushTable(table, sink);
        flush(paragraph, sink);
      } else {
        flushTable(table, sink);
        paragraph.add(line);
      }
    }
    flushTable(table, sink);
    flush(paragraph, sink);
  }

  private static String tableRow(String line) {
    String row = line.strip();
    row = row.substring(1);
    if (row.endsWith("|")) {
      row = row.substring(0, row.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : row.split("\\|")) {
      if (!cell.isBlank()) {
        cells.add(cell.strip());
      }
    }
    return String.join(" | ", cells);
  }

  private static void flush(List<String> lines, Sink sink) {
    if (!lines.isEmpty()) {
      sink.paragraph(String.join("\n", lines));
      lines.clear();
    }
  }

  private static void flushTable(List<String> rows, Sink sink) {
    if (!rows.isEmpty()) {
      sink.table(List.copyOf(rows));
      rows.clear();
    }
  }
}
