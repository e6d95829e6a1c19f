package io.protohive.kernel.platform;

import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  /** Which way a list ordered by a time, then an id, runs. */
  public enum Order {
    OLDEST_FIRST,
    NEWEST_FIRST
  }

  /**
   * The condition that keeps a native query to the rows after the cursor, to follow its {@code
   * where} clause; nothing on the first page. The cursor's time and id are bound by {@link
   * #bindKeyset} as parameters {@code parameter} and {@code parameter + 1}.
   *
   * @param timeAndId the columns the list is ordered by, such as {@code "created_at, id"}
   */
  public String keyset(String timeAndId, Order order, int parameter) {
    if (after == null) {
      return "";
    }
    return " and ("
        + timeAndId
        + ") "
        + (order == Order.NEWEST_FIRST ? "<" : ">")
        + " (?"
        + parameter
        + ", ?"
        + (parameter + 1)
        + ")";
  }

  /** Binds the cursor's time and id for {@link #keyset}; leaves a first page's query as it is. */
  public Query bindKeyset(Query query, int parameter) {
    if (after != null) {
      query
          .setParameter(parameter, Timestamp.from(after.at()))
          .setParameter(parameter + 1, after.id());
    }
    return query;
  }

  /**
   * {@link #keyset(String, Order, int)} for a JDBC statement, whose parameters are plain {@code ?}:
   * bound by {@link #bindKeyset(PreparedStatement, int)}.
   */
  public String keyset(String timeAndId, Order order) {
    if (after == null) {
      return "";
    }
    return " and (" + timeAndId + ") " + (order == Order.NEWEST_FIRST ? "<" : ">") + " (?, ?)";
  }

  /**
   * Binds the cursor's time and id for {@link #keyset(String, Order)} from parameter {@code index}.
   *
   * @return the index of the next parameter
   */
  public int bindKeyset(PreparedStatement statement, int index) throws SQLException {
    if (after == null) {
      return index;
    }
    statement.setObject(index, after.at().atOffset(ZoneOffset.UTC));
    statement.setObject(index + 1, after.id());
    return index + 2;
  }

  /**
   * The {@code where} clause of a JPQL query of a list ordered by a time and an id: the query's own
   * condition, and past the first page the entities after the cursor, whose time and id {@link
   * #bindKeyset(Query)} binds as the parameters {@code keysetAt} and {@code keysetId}.
   *
   * @param condition the query's own condition, or {@code null} for none
   * @param time the attribute the list is ordered by first, such as {@code "u.createdAt"}
   * @param id the attribute that orders entities of the same time, such as {@code "u.id"}
   */
  public String where(String condition, String time, String id, Order order) {
    List<String> conditions = new ArrayList<>();
    if (condition != null) {
      conditions.add("(" + condition + ")");
    }
    if (after != null) {
      String beyond = order == Order.NEWEST_FIRST ? " < " : " > ";
      conditions.add(
          "("
              + time
              + beyond
              + ":keysetAt or ("
              + time
              + " = :keysetAt and "
              + id
              + beyond
              + ":keysetId))");
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  /** Binds the cursor's time and id for {@link #where}; leaves a first page's query as it is. */
  public <Q extends Query> Q bindKeyset(Q query) {
    if (after != null) {
      query.setParameter("keysetAt", after.at()).setParameter("keysetId", after.id());
    }
    return query;
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

  /**
   * A page of a short list the platform holds whole (plugins, tools, providers, templates), in the
   * list's own order: the items after the one whose key the cursor names.
   *
   * @param key unique within the list
   * @throws Rejection naming {@code cursor} when its item has left the list since the last page
   */
  public <T> Page<T> slice(List<T> whole, Function<T, String> key) {
    int start = 0;
    if (after != null) {
      String last = after.key();
      start = 1 + indexOf(whole, key, last);
    }
    return page(
        whole.subList(start, Math.min(whole.size(), start + fetch())),
        item -> Cursor.of(key.apply(item)));
  }

  private static <T> int indexOf(List<T> whole, Function<T, String> key, String wanted) {
    for (int i = 0; i < whole.size(); i++) {
      if (key.apply(whole.get(i)).equals(wanted)) {
        return i;
      }
    }
    throw Rejection.invalid(
        "cursor", "The list changed since that page; start again without a cursor.");
  }
}
