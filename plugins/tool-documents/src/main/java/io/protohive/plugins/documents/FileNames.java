package io.protohive.plugins.documents;

/** File names made from a document's title: one path segment a person can read. */
final class FileNames {

  static final int MAX_LENGTH = 120;

  private FileNames() {}

  /** The title as a file name with the extension, e.g. {@code Q3 report.docx}. */
  static String of(String title, String extension) {
    StringBuilder name = new StringBuilder();
    title
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)
                  || Character.getType(c) == Character.FORMAT
                  || "/\\:*?\"<>|".indexOf(c) >= 0
                  || Character.isWhitespace(c)) {
                name.append(' ');
              } else {
                name.appendCodePoint(c);
              }
            });
    String cleaned = name.toString().replaceAll(" {2,}", " ").strip();
    cleaned = cleaned.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    if (cleaned.isEmpty()) {
      cleaned = "document";
    }
    return cleaned + "." + extension;
  }
}
