package io.protohive.kernel.encryption;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Search terms as a PostgreSQL {@code bigint[]} literal, for a parameter cast to that type. */
public final class SearchTerms {

  private SearchTerms() {}

  public static String literal(long[] terms) {
    return Arrays.stream(terms).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
