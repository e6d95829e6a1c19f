package io.protohive.kernel.platform;

import java.util.List;

/**
 * One page of a list, and the cursor to the next one ({@code null} on the last page).
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
}
