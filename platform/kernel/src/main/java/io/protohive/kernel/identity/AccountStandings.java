package io.protohive.kernel.identity;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import io.protohive.kernel.identity.token.RefreshTokens;
import io.protohive.kernel.platform.AfterCommit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every account's standing, checked on each API request, UI request and socket message. Read from a
 * cluster-wide Hazelcast map (near-cached on every node, see {@link
 * io.protohive.kernel.cluster.ClusterMember}), so nothing is asked of the database while nothing
 * changes; a change is written to the map once it commits, which invalidates every node's copy.
 */
@ApplicationScoped
public class AccountStandings {

  /** The map of standings, keyed by account id. */
  public static final String MAP = "protohive.account-standings";

  /** What a client is told when its session no longer stands. */
  public static final String SESSION_ENDED = "Your session has ended; sign in again.";

  private static final long KEPT_HOURS = 1;

  @Inject HazelcastInstance hazelcast;
  @Inject AccountStandingStore store;
  @Inject RefreshTokens refreshTokens;
  @Resource TransactionSynchronizationRegistry transactions;

  public AccountStanding of(UUID userId) {
    Long cached = map().get(userId);
    if (cached != null) {
      return AccountStanding.decode(cached);
    }
    AccountStanding read = store.read(userId);
    // a change that committed meanwhile has been put already and wins
    Long raced = map().putIfAbsent(userId, read.encode(), KEPT_HOURS, TimeUnit.HOURS);
    return raced == null ? read : AccountStanding.decode(raced);
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
   * Tells {@code changed}, on this node, the id of every account whose standing changed on any
   * node, so that what holds a session open without making requests (a pushed page) can end it.
   */
  public void onChange(Consumer<UUID> changed) {
    map().addEntryListener(new Changes(changed), false);
  }

  /** Only ever moves forward, whichever order two changes' commits arrive in. */
  private void publish(UUID userId, AccountStanding changed) {
    IMap<UUID, Long> map = map();
    map.lock(userId);
    try {
      Long cached = map.get(userId);
      if (cached == null || AccountStanding.decode(cached).generation() < changed.generation()) {
        map.set(userId, changed.encode(), KEPT_HOURS, TimeUnit.HOURS);
      }
    } finally {
      map.unlock(userId);
    }
  }

  private IMap<UUID, Long> map() {
    return hazelcast.getMap(MAP);
  }

  /** A standing is added when first read or first changed, and updated on every later change. */
  private record Changes(Consumer<UUID> changed)
      implements EntryAddedListener<UUID, Long>, EntryUpdatedListener<UUID, Long> {

    @Override
    public void entryAdded(EntryEvent<UUID, Long> event) {
      changed.accept(event.getKey());
    }

    @Override
    public void entryUpdated(EntryEvent<UUID, Long> event) {
      changed.accept(event.getKey());
    }
  }
}
