package io.protohive.kernel.platform;

import java.util.List;
import java.util.function.Function;

/**
 * What a client asks of a list: at most {@code limit} items after the position {@code after}
 * ({@code null} for the first page). Every paged list is read through one of these, so limits,
 * cursors and the end of a list mean the same everywhere.
 */
public record PageRequest(int limit, Cursor after) {

  /**
   * @param limit as the client gave it; {@code null} for the default
   * @param cursor a {@code nextCursor} handed out earlier; {@code null} for the first page
   * @throws Rejection naming {@code limit} or {@code cursor} when out of bounds or not ours
   */
  public static PageRequest of(Integer limit, String cursor) {
    return new PageRequest(Page.limit(limit), cursor == null ? null : Cursor.decode(cursor));
  }

  /** How many items to read: one more than the limit tells whether another page follows. */
  public int fetch() {
    return limit + 1;
  }

  /**
   * The page of items read with {@link #fetch()}, in the list's order; its cursor is the position
   * of its last item, or {@code null} when no item follows.
   */
  public <T> Page<T> page(List<T> fetched, Function<T, Cursor> position) {
    if (fetched.size() <= limit) {
      return new Page<>(List.copyOf(fetched), null);
    }
    List<T> shown = List.copyOf(fetched.subList(0, limit));
    return new Page<>(shown, position.apply(shown.get(limit - 1)).encode());
  }
}
