package io.protohive.plugins.http;

import java.util.Locale;

/**
 * One line of the {@code allowedHosts} or {@code privateHosts} setting: {@code api.example.com},
 * {@code *.example.org} for any subdomain (but not {@code example.org} itself), either optionally
 * followed by {@code :port}. A line without a port matches every port, so that a tenant allowing a
 * host does not have to know which port its URLs use.
 *
 * @param host the host, or for a wildcard the domain after {@code *.}, in lower case
 * @param subdomains whether the line was a wildcard
 * @param port the only port matched, or {@link #ANY_PORT}
 */
record HostPattern(String host, boolean subdomains, int port) {

  static final int ANY_PORT = -1;

  /**
   * Parses a line of the setting.
   *
   * @throws IllegalArgumentException if the line is not a host pattern
   */
  static HostPattern parse(String line) {
    String text = line.trim().toLowerCase(Locale.ROOT);
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end < 0 || (end + 1 < text.length() && text.charAt(end + 1) != ':')) {
        throw new IllegalArgumentException(line);
      }
      host = text.substring(0, end + 1);
      port = end + 1 < text.length() ? text.substring(end + 2) : null;
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    }
    boolean subdomains = host.startsWith("*.");
    host = Target.normaliseHost(subdomains ? host.substring(2) : host);
    if (host.isEmpty() || host.contains("*") || host.contains("/") || host.contains("@")) {
      throw new IllegalArgumentException(line);
    }
    return new HostPattern(host, subdomains, port == null ? ANY_PORT : parsePort(port, line));
  }

  private static int parsePort(String port, String line) {
    int value = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : 0;
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException(line);
    }
    return value;
  }

  /** Whether the target's host and port fall under this pattern. */
  boolean matches(Target target) {
    boolean hostMatches =
        subdomains ? target.host().endsWith("." + host) : target.host().equals(host);
    return hostMatches && (port == ANY_PORT || port == target.port());
  }
}
