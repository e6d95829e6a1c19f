package io.protohive.kernel.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, and the cursor to the next one ({@code null} on the last page). Pages are
 * made by {@link PageRequest#page}.
 *
 * @param nextCursor opaque to clients; pass it back as {@code cursor} for the next page
 */
public record Page<T>(List<T> items, String nextCursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /** A limit within bounds. @throws Rejection when outside 1 to {@value #MAX_LIMIT} */
  public static int limit(Integer requested) {
    int limit = requested == null ? DEFAULT_LIMIT : requested;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Rejection.invalid("limit", "Ask for 1 to " + MAX_LIMIT + " items.");
    }
    return limit;
  }

  /** The same page with each item changed by {@code change}; the cursor stays. */
  public <R> Page<R> map(Function<T, R> change) {
    return new Page<>(items.stream().map(change).toList(), nextCursor);
  }

  /**
   * Every item of a list, page after page, for a view that shows it whole.
   *
   * @param pages the page after a cursor ({@code null} for the first)
   */
  public static <T> List<T> every(Function<String, Page<T>> pages) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    do {
      Page<T> page = pages.apply(cursor);
      all.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return all;
  }
}
