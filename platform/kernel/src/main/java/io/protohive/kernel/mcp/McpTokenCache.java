package io.protohive.kernel.mcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens by server, kept on this node until shortly before they expire, so that a token is
 * not fetched for every call nor used in the moment it runs out.
 */
final class McpTokenCache {

  /** A token and how long the token endpoint said it lasts; {@code null} when it did not say. */
  record Issued(String accessToken, Duration expiresIn) {}

  /** How long before its end a token is no longer used: the call it goes with takes time too. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /** How long a token whose lifetime was not given is used before a fresh one is fetched. */
  static final Duration UNSAID_LIFETIME = Duration.ofMinutes(5);

  private record Kept(String accessToken, Instant usableUntil) {}

  private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();
  private final Clock clock;

  McpTokenCache(Clock clock) {
    this.clock = clock;
  }

  /** The server's token, fetched when none is kept or the kept one is about to expire. */
  String token(UUID serverId, Supplier<Issued> fetch) {
    Kept current = kept.get(serverId);
    if (current != null && clock.instant().isBefore(current.usableUntil())) {
      return current.accessToken();
    }
    Issued issued = fetch.get();
    Duration lifetime = issued.expiresIn() == null ? UNSAID_LIFETIME : issued.expiresIn();
    // a token shorter-lived than the margin is used for the call at hand only
    Duration usable =
        lifetime.compareTo(MARGIN.multipliedBy(2)) < 0 ? Duration.ZERO : lifetime.minus(MARGIN);
    kept.put(serverId, new Kept(issued.accessToken(), clock.instant().plus(usable)));
    return issued.accessToken();
  }

  /** Drops the server's token: it was refused, or the server is gone. */
  void forget(UUID serverId) {
    kept.remove(serverId);
  }
}
