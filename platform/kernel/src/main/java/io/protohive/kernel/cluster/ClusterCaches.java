package io.protohive.kernel.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Values read from the database that calls need every time and that change rarely (a tenant's model
 * route and plugin settings, the price table), kept in this node's memory and dropped on every node
 * once a change commits.
 *
 * <p>A writer calls {@link Cache#invalidate} in the transaction that changes the rows. The entry is
 * dropped here when that transaction ends, whether it commits or not, and the other nodes are told
 * over a Hazelcast topic once it commits. Until it ends, a read in the same transaction, which may
 * see the uncommitted change, is not kept. A read that began before the drop and ends after it is
 * not kept either (each cache counts its drops), so an entry never outlives a change that
 * committed. Entries also expire after {@link #MAX_AGE}, in case a message was lost with a node
 * that left the cluster for a while.
 *
 * <p>A message is "{sender's member uuid} {cache} {key}", the key {@code *} for every entry: the
 * sender is named because members and clients alike may publish, and a node skips its own. The
 * topic is a {@link SignedTopic}: what is not a node of the platform's drops no entry.
 */
@ApplicationScoped
public class ClusterCaches {

  private static final Logger LOG = Logger.getLogger(ClusterCaches.class.getName());
  public static final String TOPIC = "protohive.caches";

  /** The bound route of a tenant by tenant id: steps, providers, the tenant's settings of them. */
  public static final String LLM_ROUTES = "llm-routes";

  /** The price table, as one entry. */
  public static final String LLM_PRICES = "llm-prices";

  /** What a tenant's budgets are set on, by tenant id. */
  public static final String LLM_BUDGET_SCOPES = "llm-budget-scopes";

  /** Which organizations a person is a member of, by tenant id. */
  public static final String MEMBERSHIPS = "memberships";

  public static final String ALL = "*";
  static final Duration MAX_AGE = Duration.ofMinutes(10);

  private static final String PENDING = ClusterCaches.class.getName() + ".pending";

  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<String, Cache<?>> caches = new ConcurrentHashMap<>();
  private volatile String self;

  @PostConstruct
  void listen() {
    self = hazelcast.getCluster().getLocalMember().getUuid().toString();
    topic()
        .listen(
            message -> {
              String[] parts = message.split(" ", 3);
              if (parts.length == 3 && !parts[0].equals(self)) {
                cache(parts[1]).drop(parts[2]);
              }
            });
  }

  /** The cache of this name, made on first use. */
  @SuppressWarnings("unchecked")
  public <V> Cache<V> cache(String name) {
    return (Cache<V>) caches.computeIfAbsent(name, Cache::new);
  }

  private SignedTopic topic() {
    return new SignedTopic(hazelcast, secrets, TOPIC);
  }

  private void publish(String cache, String key) {
    try {
      topic().publish(self + " " + cache + " " + key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Cache change not announced to the cluster", e);
    }
  }

  private record Drop(String cache, String key) {}

  /** The invalidations a transaction asked for, carried out when it ends. */
  private final class Pending implements Synchronization {

    private final Set<Drop> drops = new LinkedHashSet<>();
    private final Set<String> caches = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      for (Drop drop : drops) {
        cache(drop.cache()).drop(drop.key());
        if (status == Status.STATUS_COMMITTED) {
          publish(drop.cache(), drop.key());
        }
      }
    }
  }

  private Pending pending() {
    if (transactions.getTransactionKey() == null) {
      return null;
    }
    return (Pending) transactions.getResource(PENDING);
  }

  /** One named cache of this node. */
  public final class Cache<V> {

    private record Entry<V>(V value, long loadedAt) {}

    private final String name;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong drops = new AtomicLong();

    private Cache(String name) {
      this.name = name;
    }

    /** The value of a key, loaded and kept when it is not here. */
    public V get(String key, Supplier<V> load) {
      return get(key, value -> true, load);
    }

    /**
     * The value of a key, loaded and kept when it is not here or no longer {@code fresh}.
     *
     * @param load reads the value; a {@code null} is returned and not kept
     */
    public V get(String key, Predicate<V> fresh, Supplier<V> load) {
      Entry<V> entry = entries.get(key);
      long now = System.nanoTime();
      if (entry != null
          && now - entry.loadedAt() < MAX_AGE.toNanos()
          && fresh.test(entry.value())) {
        return entry.value();
      }
      Pending pending = pending();
      if (pending != null && pending.caches.contains(name)) {
        // this transaction changed what the value is read from and has not committed
        return load.get();
      }
      long before = drops.get();
      V value = load.get();
      if (value != null) {
        Entry<V> loaded = new Entry<>(value, now);
        entries.put(key, loaded);
        if (drops.get() != before) {
          // changed meanwhile: what was read may be older than the change
          entries.remove(key, loaded);
        }
      }
      return value;
    }

    /**
     * Drops a key on every node once the current transaction ends (the other nodes only if it
     * commits), or at once outside a transaction.
     *
     * @param key the key, or {@link #ALL}
     */
    public void invalidate(String key) {
      if (transactions.getTransactionKey() == null) {
        drop(key);
        publish(name, key);
        return;
      }
      Pending pending = (Pending) transactions.getResource(PENDING);
      if (pending == null) {
        pending = new Pending();
        transactions.putResource(PENDING, pending);
        transactions.registerInterposedSynchronization(pending);
      }
      pending.caches.add(name);
      pending.drops.add(new Drop(name, key));
    }

    /**
     * Drops every entry on every node once the current transaction ends; see {@link #invalidate}.
     */
    public void invalidateAll() {
      invalidate(ALL);
    }

    void drop(String key) {
      // counted before removing: a read that began earlier must not put back what it read
      drops.incrementAndGet();
      if (ALL.equals(key)) {
        entries.clear();
      } else {
        entries.remove(key);
      }
    }
  }
}
