package io.protohive.kernel.file;

import io.protohive.kernel.platform.Rejection;

/**
 * The names of files and folders: what a person sees and downloads, never a path. Names with
 * separators or control characters are refused, so that no name can steer a download or a store.
 */
final class FileNames {

  static final int MAX_LENGTH = 255;

  private FileNames() {}

  static String check(String field, String name) {
    if (name == null || name.isBlank()) {
      throw Rejection.invalid(field, "Give a name.");
    }
    String trimmed = name.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw Rejection.invalid(field, "A name has at most " + MAX_LENGTH + " characters.");
    }
    if (trimmed.equals(".") || trimmed.equals("..")) {
      throw Rejection.invalid(field, "A name is more than dots.");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '/' || c == '\\') {
        throw Rejection.invalid(field, "A name has no / or \\; use folders instead.");
      }
      if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        throw Rejection.invalid(field, "A name has no control characters.");
      }
    }
    return trimmed;
  }
}
