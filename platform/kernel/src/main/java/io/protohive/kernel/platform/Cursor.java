package io.protohive.kernel.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A keyset position in a list: the sort keys of the last item a page showed, encoded for a URL and
 * opaque to clients. Keyset paging stays correct while rows are added, unlike offsets. A cursor
 * only says where to go on in a list the caller may read anyway, so a cursor made by someone else
 * (of another tenant, or of another list) shows nothing more than the first page would.
 */
public record Cursor(List<String> keys) {

  private static final String SEPARATOR = "\n";

  // leads every cursor, so that text that merely decodes is not taken for one
  private static final String MARK = "c1";

  public Cursor {
    keys = List.copyOf(keys);
  }

  /** The position of an item in a list ordered by a time, then by id. */
  public static Cursor of(Instant at, UUID id) {
    return new Cursor(List.of(at.toString(), id.toString()));
  }

  /** The position of an item in a list ordered by a unique text key. */
  public static Cursor of(String key) {
    return new Cursor(List.of(key));
  }

  /** The time of a position made by {@link #of(Instant, UUID)}. */
  public Instant at() {
    return read(() -> Instant.parse(keys.get(0)));
  }

  /** The id of a position made by {@link #of(Instant, UUID)}. */
  public UUID id() {
    return read(() -> UUID.fromString(keys.get(1)));
  }

  /** The key of a position made by {@link #of(String)}. */
  public String key() {
    return read(() -> keys.get(0));
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (MARK + SEPARATOR + String.join(SEPARATOR, keys)).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws Rejection naming {@code cursor} when it is not one this API handed out
   */
  public static Cursor decode(String encoded) {
    List<String> parts =
        read(
            () ->
                List.of(
                    new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                        .split(SEPARATOR, -1)));
    if (parts.size() < 2 || !MARK.equals(parts.get(0))) {
      throw refused();
    }
    return new Cursor(parts.subList(1, parts.size()));
  }

  // a cursor of another list's shape is as wrong as garbage: the client did not get it here
  private static <T> T read(Supplier<T> value) {
    try {
      return value.get();
    } catch (RuntimeException e) {
      throw refused();
    }
  }

  private static Rejection refused() {
    return Rejection.invalid("cursor", "Pass back a nextCursor from an earlier page.");
  }
}
