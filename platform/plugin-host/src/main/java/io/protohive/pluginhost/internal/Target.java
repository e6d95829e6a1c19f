package io.protohive.pluginhost.internal;

import io.protohive.plugin.api.HostHttp.NetworkRefused;
import io.protohive.plugin.api.HostPattern;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where a URL points: scheme, host and port, normalised the way host patterns compare them. Equal
 * targets are the same origin, which decides whether headers survive a redirect.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host in lower case, without IPv6 brackets or a trailing dot
 * @param port the port, the scheme's default when the URL gives none
 */
public record Target(String scheme, String host, int port) {

  /** The target of an absolute URL, refused unless it is plain http or https. */
  public static Target of(URI uri) throws NetworkRefused {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new NetworkRefused("Refused: only http and https URLs can be called.");
    }
    if (uri.getHost() == null) {
      throw new NetworkRefused("Refused: the URL has no valid host name.");
    }
    if (uri.getRawUserInfo() != null) {
      // userinfo is a classic way to disguise the real host, and it would put a password in logs
      throw new NetworkRefused(
          "Refused: URLs with a user name or password are not allowed; send credentials in a"
              + " header instead.");
    }
    int defaultPort = scheme.equals("https") ? 443 : 80;
    return new Target(
        scheme,
        HostPattern.normaliseHost(uri.getHost()),
        uri.getPort() < 0 ? defaultPort : uri.getPort());
  }

  /** Whether one of the patterns covers this target. */
  public boolean matchesAny(List<HostPattern> patterns) {
    return patterns.stream().anyMatch(pattern -> pattern.matches(host, port));
  }

  /** The host, with the port when it is not the scheme's default, for messages. */
  public String label() {
    boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
    return defaultPort ? host : host + ":" + port;
  }
}
