package io.protohive.ui.conversation;

import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw HTML in an agent's Markdown into visible text before it is rendered. Agents repeat
 * what models say and models repeat what tools fetched, so their text is untrusted: every {@code <}
 * outside code becomes {@code &lt;}, so no tag, comment or autolink reaches the page. Code (fenced
 * blocks and code spans) shows as written, since Markdown escapes it itself.
 *
 * <p>Where its reading of the code could differ from the renderer's — a fence left by a line less
 * indented than its opening or closed by a line Markdown dialects read differently, a code span
 * that may run over lines, a table row, which splits at pipes even inside code — it escapes: a
 * misreading can only show {@code &lt;} in code, never let markup through. The browser component
 * sanitizes what it renders as well; this is the first of the two walls.
 */
final class RawHtmlEscaper {

  /** An opening code fence: up to three spaces, then three or more backticks or tildes. */
  private static final Pattern OPENING_FENCE = Pattern.compile("( {0,3})(`{3,}|~{3,})(.*)");

  /** The fenced code block being read, or {@code null}. */
  private Fence fence;

  /** A fence was left in doubt: no line opens a code block any more. */
  private boolean fencesInDoubt;

  /** Since the paragraph began, a code span may have run on over a line. */
  private boolean spansInDoubt;

  private RawHtmlEscaper() {}

  static String escape(String markdown) {
    RawHtmlEscaper escaper = new RawHtmlEscaper();
    StringJoiner escaped = new StringJoiner("\n");
    for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
      escaped.add(escaper.line(line));
    }
    return escaped.toString();
  }

  private String line(String line) {
    if (fence != null) {
      switch (fence.read(line)) {
        case CODE -> {
          return line;
        }
        case CLOSED -> {
          fence = null;
          return line;
        }
        case DOUBT -> {
          fence = null;
          fencesInDoubt = true;
        }
      }
    } else if (!fencesInDoubt) {
      fence = Fence.openedBy(line);
      if (fence != null) {
        spansInDoubt = false;
        return line;
      }
    }
    return text(line);
  }

  /** A line of text: {@code <} is escaped except in the code spans it certainly holds. */
  private String text(String line) {
    if (line.isBlank()) {
      spansInDoubt = false;
      return line;
    }
    if (spansInDoubt || line.indexOf('|') >= 0) {
      spansInDoubt |= line.indexOf('`') >= 0;
      return line.replace("<", "&lt;");
    }
    StringBuilder escaped = new StringBuilder(line.length() + 8);
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        // a backslash escape: the character after it is plain text, a backtick or a < too
        escaped.append(line, i, i + 2);
        i += 2;
      } else if (c == '`') {
        int run = runLength(line, i);
        int close = closingRun(line, i + run, run);
        spansInDoubt |= close < 0;
        int end = close < 0 ? i + run : close + run;
        escaped.append(line, i, end);
        i = end;
      } else {
        escaped.append(c == '<' ? "&lt;" : String.valueOf(c));
        i++;
      }
    }
    return escaped.toString();
  }

  private static int runLength(String line, int start) {
    int end = start;
    while (end < line.length() && line.charAt(end) == '`') {
      end++;
    }
    return end - start;
  }

  /** Where the next run of exactly {@code length} backticks from {@code from} starts, or -1. */
  private static int closingRun(String line, int from, int length) {
    int i = from;
    while (i < line.length()) {
      if (line.charAt(i) == '`') {
        int run = runLength(line, i);
        if (run == length) {
          return i;
        }
        i += run;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static int indentOf(String line) {
    int spaces = 0;
    while (spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return spaces;
  }

  /** How a line reads inside a fenced code block. */
  private enum Reading {
    CODE,
    CLOSED,
    /** Markdown might read it as the end of the block, or not. */
    DOUBT
  }

  /**
   * A fenced code block, opened at {@code indent} spaces. It may sit in a list item whose content
   * starts up to three spaces further left; where that decides how a line reads, it is in doubt.
   */
  private record Fence(int indent, char marker, int length) {

    static Fence openedBy(String line) {
      Matcher opening = OPENING_FENCE.matcher(line);
      if (!opening.matches()) {
        return null;
      }
      char marker = opening.group(2).charAt(0);
      if (marker == '`' && opening.group(3).indexOf('`') >= 0) {
        return null; // Markdown reads this as a code span, not a fence
      }
      return new Fence(opening.group(1).length(), marker, opening.group(2).length());
    }

    Reading read(String line) {
      if (line.isBlank()) {
        return Reading.CODE;
      }
      int lineIndent = indentOf(line);
      if (lineIndent < indent) {
        return Reading.DOUBT; // it may have ended the list item, and so the block
      }
      String rest = line.substring(lineIndent);
      String fenceMarks = rest.stripTrailing();
      boolean closing =
          rest.startsWith(String.valueOf(marker).repeat(length))
              && fenceMarks.chars().allMatch(c -> c == '`' || c == '~');
      if (!closing || lineIndent > indent + 3) {
        return Reading.CODE;
      }
      boolean plain = fenceMarks.chars().allMatch(c -> c == marker) && rest.indexOf('\t') < 0;
      return plain && lineIndent <= Math.max(3, indent) ? Reading.CLOSED : Reading.DOUBT;
    }
  }
}
