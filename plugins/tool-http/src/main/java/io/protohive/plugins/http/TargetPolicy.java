package io.protohive.plugins.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a URL may be called: its host must be on the tenant's allow-list, and every
 * address the host resolves to must be public unless the tenant lists the host under {@code
 * privateHosts}. Checking every address, not just the first, stops a name that answers with both a
 * public and an internal address.
 *
 * <p>The allow-list is checked before the name is resolved, so that a refused URL does not even
 * cause a DNS query (which could leak data to the name's owner).
 *
 * <p>Known gap: {@link java.net.http.HttpClient} resolves the host again when it connects, and it
 * cannot be told to use the addresses checked here. A name whose DNS answer changes between the two
 * lookups (DNS rebinding) can still slip through; tenants narrow that window by allowing only hosts
 * they trust.
 */
final class TargetPolicy {

  private final Settings settings;
  private final Resolver resolver;

  TargetPolicy(Settings settings, Resolver resolver) {
    this.settings = settings;
    this.resolver = resolver;
  }

  /** Returns quietly if the URL may be called, otherwise says why not. */
  void check(URI uri) throws ToolFailure {
    Target target = Target.of(uri);
    if (!matchesAny(settings.allowedHosts(), target)) {
      throw new ToolFailure("Refused: " + target.label() + " is not on this tenant's allow-list.");
    }
    if (matchesAny(settings.privateHosts(), target)) {
      return;
    }
    for (InetAddress address : resolve(target.host())) {
      Optional<BlockedRange> range = BlockedRange.of(address);
      if (range.isPresent()) {
        throw new ToolFailure(refusal(target.host(), address, range.get()));
      }
    }
  }

  private InetAddress[] resolve(String host) throws ToolFailure {
    try {
      return resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new ToolFailure("Could not resolve the host " + host + ".");
    }
  }

  private static boolean matchesAny(List<HostPattern> patterns, Target target) {
    return patterns.stream().anyMatch(pattern -> pattern.matches(target));
  }

  private static String refusal(String host, InetAddress address, BlockedRange range) {
    String ip = address.getHostAddress();
    String what =
        host.equals(ip)
            ? ip + " is " + range.describe()
            : host + " resolves to " + ip + ", " + range.describe();
    return "Refused: " + what + "; allow it under privateHosts if you must.";
  }
}
