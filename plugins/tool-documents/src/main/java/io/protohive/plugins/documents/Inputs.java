package io.protohive.plugins.documents;

import java.util.List;
import java.util.Map;

/** Reads and bounds the arguments the model sent. */
final class Inputs {

  static final int MAX_TITLE = 500;
  static final int MAX_MARKDOWN = 200_000;

  private Inputs() {}

  /** A required text argument, not blank, of at most {@code max} characters. */
  static String text(Map<String, Object> arguments, String name, int max) throws BadInput {
    Object value = arguments.get(name);
    if (!(value instanceof String text) || text.isBlank()) {
      throw new BadInput("'" + name + "' is required: give it as a non-empty string.");
    }
    if (text.length() > max) {
      throw new BadInput(
          "'"
              + name
              + "' has "
              + text.length()
              + " characters; at most "
              + max
              + " are accepted. Split the content into several documents.");
    }
    return text;
  }

  static String title(Map<String, Object> arguments) throws BadInput {
    return text(arguments, "title", MAX_TITLE).strip();
  }

  /** The Markdown, without the control characters no document may hold. */
  static String markdown(Map<String, Object> arguments) throws BadInput {
    return withoutControlCharacters(text(arguments, "markdown", MAX_MARKDOWN));
  }

  static String withoutControlCharacters(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n'
          || c == '\t'
          || c == '\r'
          || (c >= 0x20 && c != 0x7f && c != 0xfffe && c != 0xffff)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /** A required array argument. */
  static List<?> list(Object value, String what) throws BadInput {
    if (!(value instanceof List<?> list)) {
      throw new BadInput("'" + what + "' must be an array.");
    }
    return list;
  }
}
