package io.protohive.kernel.identity;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.protohive.kernel.identity.token.RefreshTokens;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Every account's standing, checked on each API request, UI request and socket message. Read from a
 * cluster-wide Hazelcast map (near-cached on every node, see {@link
 * io.protohive.kernel.cluster.ClusterMember}), so the database is asked once a minute per account
 * at most while nothing changes; a change is written to the map once it commits, which invalidates
 * every node's copy.
 *
 * <p>Whoever reaches the cluster's network could write to the map. So each entry is signed with the
 * secrets key, bound to its account, and carries when it stops counting; an entry whose signature
 * fails, or that has run out, is read again from the database and written over.
 */
@ApplicationScoped
public class AccountStandings {

  /** The map of standings, keyed by account id. */
  public static final String MAP = "protohive.account-standings";

  /** What a client is told when its session no longer stands. */
  public static final String SESSION_ENDED = "Your session has ended; sign in again.";

  /**
   * How long an entry counts. Whoever reaches the cluster can read an entry and put it back after a
   * change; it admits what it admitted until it runs out. Each account is then read from the
   * database once a minute at most, at no cost worth counting.
   */
  private static final Duration KEPT = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(AccountStandings.class.getName());

  @Inject HazelcastInstance hazelcast;
  @Inject AccountStandingStore store;
  @Inject RefreshTokens refreshTokens;
  @Inject SecretBox secrets;
  @Resource TransactionSynchronizationRegistry transactions;

  public AccountStanding of(UUID userId) {
    Object cached = map().get(userId);
    Optional<AccountStanding> trusted = cached == null ? Optional.empty() : trusted(userId, cached);
    if (trusted.isPresent()) {
      return trusted.get();
    }
    AccountStanding read = store.read(userId);
    String entry = entry(userId, read);
    // a change that committed meanwhile has been put already and wins
    Object raced =
        cached == null
            ? map().putIfAbsent(userId, entry, KEPT.toSeconds(), TimeUnit.SECONDS)
            : map().replace(userId, cached, entry) ? null : map().get(userId);
    return raced == null ? read : trusted(userId, raced).orElse(read);
  }

  /** Whether a session of {@code userId} opened under {@code generation} may go on. */
  public boolean admits(UUID userId, long generation) {
    return of(userId).admits(generation);
  }

  /**
   * Ends every session of the account: its refresh tokens, and (by a new generation) its access
   * tokens, UI sessions and sockets, on every node. Also called when an account is enabled again,
   * so that the cache learns it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void endSessions(UUID userId) {
    AccountStanding changed = store.bump(userId);
    refreshTokens.revokeAll(userId);
    AfterCommit.run(transactions, () -> publish(userId, changed));
  }

  /**
   * Tells {@code changed}, on this node, every account whose standing changed on any node, with its
   * new standing, so that what holds a session open without making requests (a pushed page) can end
   * it. The standing is the one the change carries: this node's near cache may learn of the change
   * only after its listeners do.
   */
  public void onChange(BiConsumer<UUID, AccountStanding> changed) {
    map()
        .addEntryListener(
            new Changes(
                (userId, entry) ->
                    changed.accept(userId, trusted(userId, entry).orElseGet(() -> of(userId)))),
            true);
  }

  /** Only ever moves forward, whichever order two changes' commits arrive in. */
  private void publish(UUID userId, AccountStanding changed) {
    IMap<UUID, Object> map = map();
    map.lock(userId);
    try {
      Object cached = map.get(userId);
      Optional<AccountStanding> current =
          cached == null ? Optional.empty() : trusted(userId, cached);
      if (current.isEmpty() || current.get().generation() < changed.generation()) {
        map.set(userId, entry(userId, changed), KEPT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      map.unlock(userId);
    }
  }

  /** A standing as the map holds it: signed for its account, with when it stops counting. */
  private String entry(UUID userId, AccountStanding standing) {
    long until = Instant.now().plus(KEPT).getEpochSecond();
    return secrets.sign(standing.encode() + "/" + until, context(userId));
  }

  /** The standing of an entry that is this platform's, for this account, and not run out. */
  private Optional<AccountStanding> trusted(UUID userId, Object entry) {
    Optional<String> value =
        entry instanceof String
            ? secrets.verified((String) entry, context(userId))
            : Optional.empty();
    if (value.isEmpty()) {
      LOG.warning(
          () -> "The cluster held an account standing not signed by this platform; read again");
      return Optional.empty();
    }
    String[] parts = value.get().split("/", 2);
    if (parts.length != 2 || Instant.now().getEpochSecond() >= Long.parseLong(parts[1])) {
      return Optional.empty();
    }
    return Optional.of(AccountStanding.decode(Long.parseLong(parts[0])));
  }

  private static String context(UUID userId) {
    return "account-standing:" + userId;
  }

  /** Values are read as any object: whoever writes to the cluster may put one of any kind. */
  private IMap<UUID, Object> map() {
    return hazelcast.getMap(MAP);
  }

  /** A standing is added when first read or first changed, and updated on every later change. */
  private record Changes(BiConsumer<UUID, Object> changed)
      implements EntryAddedListener<UUID, Object>, EntryUpdatedListener<UUID, Object> {

    @Override
    public void entryAdded(EntryEvent<UUID, Object> event) {
      changed.accept(event.getKey(), event.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<UUID, Object> event) {
      changed.accept(event.getKey(), event.getValue());
    }
  }
}
