package io.protohive.kernel.knowledge;

/**
 * A paragraph or a table of a document, with where it stands: its page (1-based; {@code null} when
 * the format has no pages) and the headings above it, outermost first, joined by {@value
 * #HEADING_SEPARATOR} ({@code null} before the first heading).
 */
public record TextBlock(Integer page, String heading, Kind kind, String text) {

  public static final String HEADING_SEPARATOR = " > ";

  public enum Kind {
    PARAGRAPH,
    /** A table's rows, one a line, cells separated by {@code " | "}. */
    TABLE
  }
}
