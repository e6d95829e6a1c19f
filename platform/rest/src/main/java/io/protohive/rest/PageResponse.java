package io.protohive.rest;

import io.protohive.kernel.platform.Page;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * A list as the API returns it: {@code {"items": [...], "nextCursor": ...}}, null on the last page.
 */
public record PageResponse<T>(List<T> items, @JsonbNillable String nextCursor) {

  public static <T> PageResponse<T> of(Page<T> page) {
    return new PageResponse<>(page.items(), page.nextCursor());
  }

  public static <T> PageResponse<T> all(List<T> items) {
    return new PageResponse<>(items, null);
  }
}
