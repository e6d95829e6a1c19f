package io.protohive.kernel.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  private static final List<String> LIST =
      IntStream.rangeClosed(1, 7).mapToObj(i -> "item-" + i).toList();

  @Test
  void limitsAreBoundedAndDefaulted() {
    assertThat(PageRequest.of(null, null).limit()).isEqualTo(Page.DEFAULT_LIMIT);
    assertThat(PageRequest.of(Page.MAX_LIMIT, null).limit()).isEqualTo(Page.MAX_LIMIT);
    assertThat(PageRequest.of(1, null).after()).isNull();
    for (int bad : new int[] {0, -1, Page.MAX_LIMIT + 1}) {
      assertThatThrownBy(() -> PageRequest.of(bad, null))
          .isInstanceOfSatisfying(
              Rejection.class, rejection -> assertThat(rejection.field()).contains("limit"));
    }
  }

  @Test
  void theKeysetConditionFollowsTheCursorInTheListsDirection() {
    PageRequest first = PageRequest.of(3, null);
    PageRequest later =
        PageRequest.of(
            3, Cursor.of(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID()).encode());

    assertThat(first.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2)).isEmpty();
    assertThat(later.keyset("created_at, id", PageRequest.Order.NEWEST_FIRST, 2))
        .isEqualTo(" and (created_at, id) < (?2, ?3)");
    assertThat(later.keyset("a.created_at, a.id", PageRequest.Order.OLDEST_FIRST, 5))
        .isEqualTo(" and (a.created_at, a.id) > (?5, ?6)");
    assertThat(first.keyset("created_at, id", PageRequest.Order.OLDEST_FIRST)).isEmpty();
    assertThat(later.keyset("o.created_at, o.id", PageRequest.Order.OLDEST_FIRST))
        .isEqualTo(" and (o.created_at, o.id) > (?, ?)");
  }

  @Test
  void theJpqlWhereClauseKeepsTheQuerysConditionAndAddsTheKeysetPastTheFirstPage() {
    PageRequest first = PageRequest.of(3, null);
    PageRequest later =
        PageRequest.of(
            3, Cursor.of(Instant.parse("2026-01-01T00:00:00Z"), UUID.randomUUID()).encode());

    assertThat(first.where(null, "m.createdAt", "m.id", PageRequest.Order.NEWEST_FIRST)).isEmpty();
    assertThat(first.where("a = 1 or b = 2", "m.createdAt", "m.id", PageRequest.Order.OLDEST_FIRST))
        .isEqualTo(" where (a = 1 or b = 2)");
    assertThat(later.where(null, "m.createdAt", "m.id", PageRequest.Order.NEWEST_FIRST))
        .isEqualTo(
            " where (m.createdAt < :keysetAt or (m.createdAt = :keysetAt and m.id < :keysetId))");
    assertThat(later.where("a = 1 or b = 2", "u.createdAt", "u.id", PageRequest.Order.OLDEST_FIRST))
        .isEqualTo(
            " where (a = 1 or b = 2) and (u.createdAt > :keysetAt or (u.createdAt = :keysetAt"
                + " and u.id > :keysetId))");
  }

  @Test
  void aListWalkedPageByPageGivesEveryItemOnceAndEndsWithoutACursor() {
    List<String> walked = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      Page<String> page = read(PageRequest.of(3, cursor));
      walked.addAll(page.items());
      sizes.add(page.items().size());
      cursor = page.nextCursor();
    } while (cursor != null);

    assertThat(walked).containsExactlyElementsOf(LIST);
    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(Page.every(next -> read(PageRequest.of(2, next)))).containsExactlyElementsOf(LIST);
  }

  @Test
  void aFullLastPageSaysThereIsNoMore() {
    Page<String> page = read(PageRequest.of(LIST.size(), null));

    assertThat(page.items()).hasSize(LIST.size());
    assertThat(page.nextCursor()).isNull();
  }

  /** A keyset read as a store does it: after the cursor's key, at most fetch() items. */
  private static Page<String> read(PageRequest request) {
    String after = request.after() == null ? null : request.after().key();
    return request.page(
        LIST.stream()
            .filter(item -> after == null || item.compareTo(after) > 0)
            .limit(request.fetch())
            .toList(),
        Cursor::of);
  }
}
