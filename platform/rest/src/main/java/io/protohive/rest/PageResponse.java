package io.protohive.rest;

import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.function.Function;

/**
 * A list as the API returns it: {@code {"items": [...], "nextCursor": ...}}, null on the last page.
 */
public record PageResponse<T>(List<T> items, @JsonbNillable String nextCursor) {

  public static <T> PageResponse<T> of(Page<T> page) {
    return new PageResponse<>(page.items(), page.nextCursor());
  }

  /**
   * A page of a short list the platform holds whole, in its own order.
   *
   * @param key unique within the list; the cursor names it
   */
  public static <T> PageResponse<T> of(
      List<T> whole, Function<T, String> key, Integer limit, String cursor) {
    return of(PageRequest.of(limit, cursor).slice(whole, key));
  }

  /** Ranked results (a search's best matches), which have no next page. */
  public static <T> PageResponse<T> ranked(List<T> results) {
    return new PageResponse<>(results, null);
  }
}
