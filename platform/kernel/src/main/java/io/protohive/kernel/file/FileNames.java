package io.protohive.kernel.file;

import io.protohive.kernel.platform.Rejection;

/**
 * The names of files and folders: what a person sees and downloads, never a path. Names with
 * separators, control characters or invisible ones (bidirectional overrides, line separators) are
 * refused, so that no name can steer a store or pretend to be another.
 */
public final class FileNames {

  static final int MAX_LENGTH = 255;

  private FileNames() {}

  /** Whether a name can be shown and stored as it is. */
  public static boolean isSafe(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_LENGTH) {
      return false;
    }
    if (name.equals(".") || name.equals("..") || !name.strip().equals(name)) {
      return false;
    }
    return name.codePoints()
        .noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c) || isInvisible(c));
  }

  /**
   * @return the name, stripped of surrounding spaces
   * @throws Rejection naming the field when the name is not safe
   */
  static String check(String field, String name) {
    String stripped = name == null ? null : name.strip();
    if (!isSafe(stripped)) {
      throw Rejection.invalid(
          field,
          "A name has 1 to "
              + MAX_LENGTH
              + " characters, no / or \\, no control or invisible characters, and is more than"
              + " dots.");
    }
    return stripped;
  }

  private static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT;
  }
}
