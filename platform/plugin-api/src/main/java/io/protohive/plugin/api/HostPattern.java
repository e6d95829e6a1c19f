package io.protohive.plugin.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A host as {@link PluginManifest#NETWORK_HOSTS} and host settings write it: {@code
 * api.example.com}, {@code *.example.org} for any subdomain (but not {@code example.org} itself),
 * or {@code *} for every host; a host or subdomain pattern may end in {@code :port}. A pattern
 * without a port matches every port.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 1.1
 */
public final class HostPattern {

  /** The port of a pattern that matches every port. */
  public static final int ANY_PORT = -1;

  private static final String ANY_HOST = "*";

  private final String host;
  private final boolean subdomains;
  private final int port;

  private HostPattern(String host, boolean subdomains, int port) {
    this.host = host;
    this.subdomains = subdomains;
    this.port = port;
  }

  /**
   * Parses one pattern.
   *
   * @throws IllegalArgumentException if the text is not a host pattern
   */
  public static HostPattern parse(String pattern) {
    String text = pattern.trim().toLowerCase(Locale.ROOT);
    if (text.equals(ANY_HOST)) {
      return new HostPattern(ANY_HOST, false, ANY_PORT);
    }
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int end = text.indexOf(']');
      if (end < 0 || (end + 1 < text.length() && text.charAt(end + 1) != ':')) {
        throw new IllegalArgumentException(pattern);
      }
      host = text.substring(0, end + 1);
      port = end + 1 < text.length() ? text.substring(end + 2) : null;
    } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      host = text.substring(0, text.indexOf(':'));
      port = text.substring(text.indexOf(':') + 1);
    }
    boolean subdomains = host.startsWith("*.");
    host = normaliseHost(subdomains ? host.substring(2) : host);
    if (host.isEmpty() || host.contains("*") || host.contains("/") || host.contains("@")) {
      throw new IllegalArgumentException(pattern);
    }
    return new HostPattern(host, subdomains, port == null ? ANY_PORT : parsePort(port, pattern));
  }

  /**
   * A host as patterns compare it: lower case, IPv6 literals without brackets, and without the
   * trailing dot of a fully qualified name, which names the same host.
   */
  public static String normaliseHost(String host) {
    String plain = host.toLowerCase(Locale.ROOT);
    if (plain.startsWith("[") && plain.endsWith("]")) {
      plain = plain.substring(1, plain.length() - 1);
    }
    return plain.endsWith(".") ? plain.substring(0, plain.length() - 1) : plain;
  }

  /** Whether a host (as a URL gives it) and port fall under this pattern. */
  public boolean matches(String host, int port) {
    String target = normaliseHost(host);
    boolean hostMatches =
        this.host.equals(ANY_HOST)
            || (subdomains ? target.endsWith("." + this.host) : target.equals(this.host));
    return hostMatches && (this.port == ANY_PORT || this.port == port);
  }

  private static int parsePort(String port, String pattern) {
    int value = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : 0;
    if (value < 1 || value > 65535) {
      throw new IllegalArgumentException(pattern);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HostPattern that
        && host.equals(that.host)
        && subdomains == that.subdomains
        && port == that.port;
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, subdomains, port);
  }

  @Override
  public String toString() {
    String text = subdomains ? "*." + host : host.contains(":") ? "[" + host + "]" : host;
    return port == ANY_PORT ? text : text + ":" + port;
  }
}
