package io.protohive.pluginhost.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits OSGi manifest headers such as {@code Import-Package} into clauses and attributes. */
public final class ManifestClauses {

  private ManifestClauses() {}

  /** The clauses of a header, split at commas outside quotes. */
  static List<String> split(String header) {
    List<String> clauses = new ArrayList<>();
    if (header == null) {
      return clauses;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (char c : header.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == ',' && !quoted) {
        clauses.add(current.toString().trim());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      clauses.add(current.toString().trim());
    }
    return clauses;
  }

  /** The package or path a clause names. */
  static String name(String clause) {
    int semicolon = clause.indexOf(';');
    return (semicolon < 0 ? clause : clause.substring(0, semicolon)).trim();
  }

  /** The value of one attribute of a clause, unquoted, or {@code null}. */
  static String attribute(String clause, String attribute) {
    for (String part : clause.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(attribute + "=")) {
        String value = trimmed.substring(attribute.length() + 1).trim();
        return value.replace("\"", "");
      }
    }
    return null;
  }

  /** The comma-separated items of a plain list header, trimmed, without blanks. */
  static List<String> items(String header) {
    return header == null
        ? List.of()
        : split(header).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
