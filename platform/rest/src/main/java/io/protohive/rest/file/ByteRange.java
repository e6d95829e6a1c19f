package io.protohive.rest.file;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of a {@code Range} header a download answers (RFC 9110, section 14): {@code
 * bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}. Several ranges, or a header of
 * another unit, are answered with the whole content, as the RFC allows.
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Thrown for a range that lies wholly beyond the content: 416. */
  static final class Unsatisfiable extends RuntimeException {
    Unsatisfiable() {
      super(null, null, false, false);
    }
  }

  long length() {
    return last - first + 1;
  }

  /**
   * @param header the request's {@code Range}, or {@code null}
   * @return empty for the whole content
   * @throws Unsatisfiable when no byte of the range is in the content
   */
  static Optional<ByteRange> of(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = SINGLE.matcher(header.strip());
    if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (matcher.group(1).isEmpty()) {
        long suffix = Long.parseLong(matcher.group(2));
        if (suffix == 0 || size == 0) {
          throw new Unsatisfiable();
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(matcher.group(1));
      if (first >= size) {
        throw new Unsatisfiable();
      }
      long last = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
      if (last < first) {
        return Optional.empty();
      }
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }
}
