package io.protohive.kernel.conversation;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The events of conversations, handed to the subscribers on this node and, over a Hazelcast topic,
 * to those on the other nodes. A subscriber that passes the last id it saw first receives
 * everything after it, then the live events, each exactly once and in order.
 *
 * <p>Streamed words ({@code message.delta}) are delivered first and stored in batches, every {@link
 * #FLUSH_MILLIS} or {@link #FLUSH_EVENTS} words, many rows to a statement; their ids are taken
 * ahead from the table's sequence. Every other event is stored before it is delivered, together
 * with the words of its conversation still waiting, so a delivered {@code message.completed} is
 * stored with all the words before it. Until its words are stored, every node keeps them in {@link
 * UnstoredEvents} (from the topic, or as their publisher); a subscriber that resumes reads them
 * there before the store. A node that dies loses the words it had not stored; the run is then ended
 * by another node and its answer, or failure, arrives as an event of its own.
 *
 * <p>The topic is a {@link SignedTopic}: whatever reached the cluster without the secrets key puts
 * no words into a person's chat, nor says that a node's words are stored.
 */
@ApplicationScoped
public class ConversationEvents {

  /** The topic that carries events to the subscribers on the other nodes. */
  public static final String TOPIC = "protohive.conversation-events";

  static final String DELTA = "message.delta";

  static final long FLUSH_MILLIS = 50;

  static final int FLUSH_EVENTS = 1000;

  /** Ids taken from the sequence at a time. */
  static final int ID_BLOCK = 256;

  /** How long the words of a node that never says they are stored stay for resuming subscribers. */
  static final long UNSTORED_FOR_MILLIS = 60_000;

  private static final Logger LOG = Logger.getLogger(ConversationEvents.class.getName());

  @Inject EventStore store;
  @Inject ConversationService conversations;
  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;

  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  private volatile String node;
  private volatile ScheduledFuture<?> flushing;

  private final Map<UUID, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
  private final Map<UUID, Stream> streams = new ConcurrentHashMap<>();
  private final UnstoredEvents unstored = new UnstoredEvents();

  /** Words to store, by conversation, each with its tenant. */
  private final Map<UUID, Queue<Waiting>> waiting = new ConcurrentHashMap<>();

  private final AtomicInteger waitingCount = new AtomicInteger();
  private final ReentrantLock storing = new ReentrantLock();
  private volatile long lastExpiry;

  private final Object ids = new Object();
  private long[] block = new long[0];
  private int nextInBlock;
  private long blockNumber;
  private volatile long blocksTaken;

  private record Waiting(UUID tenantId, EventStore.Row row) {}

  /**
   * One conversation's publishing on this node, serialized: its ids increase in the order of
   * delivery. {@code floor} is the highest id of the conversation seen here; {@code firstBlock} the
   * id block its first word must come from at the earliest, one taken after this node last knew
   * nothing of the conversation.
   */
  private static final class Stream {
    long floor;
    long firstBlock;

    Stream(long firstBlock) {
      this.firstBlock = firstBlock;
    }
  }

  /**
   * Delivers an event to the conversation's subscribers. A word is stored soon after; any other
   * event is stored first, after the words before it. Publishing is serialized per conversation, so
   * subscribers receive a conversation's events in the order of their ids.
   */
  public ConversationEvent publish(
      UUID tenantId, UUID conversationId, UUID runId, String type, JsonObject payload) {
    listen();
    Stream stream = streams.computeIfAbsent(conversationId, id -> new Stream(blocksTaken + 1));
    ConversationEvent event;
    synchronized (stream) {
      if (DELTA.equals(type)) {
        event =
            new ConversationEvent(nextId(stream), conversationId, runId, type, payload.toString());
        unstored.add(node, event, System.currentTimeMillis());
      } else {
        event = storeWithWaiting(tenantId, conversationId, runId, type, payload.toString());
      }
      stream.floor = Math.max(stream.floor, event.id());
      deliver(event);
      topic().publish(ClusterEvents.encode(node, event));
      if (DELTA.equals(type)) {
        // after the topic has it: the notice that it is stored must follow it to the other nodes
        requeue(tenantId, new EventStore.Row(event, Instant.now()));
      }
    }
    if (waitingCount.get() >= FLUSH_EVENTS && !storing.isLocked()) {
      executor.execute(this::flush);
    }
    return event;
  }

  private ConversationEvent storeWithWaiting(
      UUID tenantId, UUID conversationId, UUID runId, String type, String payload) {
    storing.lock();
    try {
      List<EventStore.Row> before = new ArrayList<>();
      Queue<Waiting> queue = waiting.get(conversationId);
      if (queue != null) {
        for (Waiting w = queue.poll(); w != null; w = queue.poll()) {
          before.add(w.row());
          waitingCount.decrementAndGet();
        }
      }
      ConversationEvent event;
      try {
        event = store.appendAfter(tenantId, before, conversationId, runId, type, payload);
      } catch (RuntimeException e) {
        before.forEach(row -> requeue(tenantId, row));
        throw e;
      }
      // the other nodes learn from the event itself that the words before it are stored
      unstored.stored(node, conversationId, event.id());
      return event;
    } finally {
      storing.unlock();
    }
  }

  /**
   * Stores the waiting words, one transaction and statement per tenant, and tells the other nodes
   * which are stored. Runs on the scheduler; never at the same time as another store of words.
   */
  void flush() {
    storing.lock();
    try {
      Map<UUID, List<EventStore.Row>> byTenant = new LinkedHashMap<>();
      for (Queue<Waiting> queue : waiting.values()) {
        for (Waiting w = queue.poll(); w != null; w = queue.poll()) {
          byTenant.computeIfAbsent(w.tenantId(), t -> new ArrayList<>()).add(w.row());
          waitingCount.decrementAndGet();
        }
      }
      waiting
          .keySet()
          .forEach(id -> waiting.computeIfPresent(id, (k, q) -> q.isEmpty() ? null : q));
      Map<UUID, Long> stored = new HashMap<>();
      byTenant.forEach(
          (tenantId, rows) -> {
            rows.sort(Comparator.comparingLong(row -> row.event().id()));
            try {
              store.appendAll(tenantId, rows);
              rows.forEach(
                  row -> stored.merge(row.event().conversationId(), row.event().id(), Math::max));
            } catch (RuntimeException e) {
              storeEach(tenantId, rows, stored);
            }
          });
      stored.forEach((conversationId, through) -> unstored.stored(node, conversationId, through));
      if (!stored.isEmpty()) {
        topic().publish(ClusterEvents.encodeStored(node, stored));
      }
      long now = System.currentTimeMillis();
      if (now - lastExpiry > 1000) {
        lastExpiry = now;
        unstored.expire(now - UNSTORED_FOR_MILLIS);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Streamed words could not be stored", e);
    } finally {
      storing.unlock();
    }
  }

  /**
   * Stores the words of each conversation on their own, so that the words of one that cannot be
   * stored (deleted meanwhile, say) do not hold back the others. Those are dropped: their answer
   * arrives whole with its {@code message.completed}, or its run fails.
   */
  private void storeEach(UUID tenantId, List<EventStore.Row> rows, Map<UUID, Long> stored) {
    Map<UUID, List<EventStore.Row>> byConversation = new LinkedHashMap<>();
    rows.forEach(
        row ->
            byConversation
                .computeIfAbsent(row.event().conversationId(), id -> new ArrayList<>())
                .add(row));
    byConversation.forEach(
        (conversationId, words) -> {
          long through = words.get(words.size() - 1).event().id();
          try {
            store.appendAll(tenantId, words);
            stored.merge(conversationId, through, Math::max);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "The streamed words of conversation " + conversationId + " could not be stored",
                e);
            // no node keeps them any longer
            stored.merge(conversationId, through, Math::max);
          }
        });
  }

  private void requeue(UUID tenantId, EventStore.Row row) {
    // under the key's lock, so that an emptied queue is never dropped between lookup and add
    waiting.compute(
        row.event().conversationId(),
        (id, queue) -> {
          Queue<Waiting> into = queue == null ? new ConcurrentLinkedQueue<>() : queue;
          into.add(new Waiting(tenantId, row));
          return into;
        });
    waitingCount.incrementAndGet();
  }

  /**
   * The next id for a word of the stream: above every id of the conversation seen here, so a block
   * taken before another node's event is not used after it.
   */
  private long nextId(Stream stream) {
    synchronized (ids) {
      if (nextInBlock == block.length
          || block[nextInBlock] <= stream.floor
          || blockNumber < stream.firstBlock) {
        blocksTaken = blockNumber + 1;
        block = store.reserve(ID_BLOCK);
        blockNumber = blocksTaken;
        nextInBlock = 0;
      }
      stream.firstBlock = 0;
      return block[nextInBlock++];
    }
  }

  private void deliver(ConversationEvent event) {
    Set<Subscription> current = subscribers.get(event.conversationId());
    if (current != null) {
      current.forEach(s -> s.offer(event));
    }
  }

  /**
   * Hands the events of the other nodes to this node's subscribers and keeps their words until they
   * are stored; starts storing this node's words. Set up once, on first use.
   */
  private void listen() {
    if (node != null) {
      return;
    }
    synchronized (this) {
      if (node == null) {
        String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        topic().listen(message -> received(self, message));
        hazelcast
            .getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent event) {}

                  @Override
                  public void memberRemoved(MembershipEvent event) {
                    unstored.forget(event.getMember().getUuid().toString());
                  }
                });
        flushing =
            scheduler.scheduleWithFixedDelay(
                this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        node = self;
      }
    }
  }

  private void received(String self, String message) {
    if (ClusterEvents.from(self, message)) {
      return;
    }
    Optional<ClusterEvents.Stored> notice = ClusterEvents.decodeStored(message);
    if (notice.isPresent()) {
      notice.get().through().forEach((id, last) -> unstored.stored(notice.get().node(), id, last));
      return;
    }
    ClusterEvents.decode(message)
        .ifPresent(
            sent -> {
              ConversationEvent event = sent.event();
              if (DELTA.equals(event.type())) {
                unstored.add(sent.node(), event, System.currentTimeMillis());
              } else {
                // stored, and its node stored the words before it first
                unstored.stored(sent.node(), event.conversationId(), event.id());
              }
              Stream stream = streams.get(event.conversationId());
              if (stream != null) {
                synchronized (stream) {
                  stream.floor = Math.max(stream.floor, event.id());
                }
              }
              deliver(event);
            });
  }

  private SignedTopic topic() {
    return new SignedTopic(hazelcast, secrets, TOPIC);
  }

  /** Stores the waiting words when the application stops, before the cluster member leaves. */
  void stop(
      @Observes(notifyObserver = Reception.IF_EXISTS)
          @BeforeDestroyed(ApplicationScoped.class)
          @Priority(Interceptor.Priority.APPLICATION)
          ServletContext context) {
    ScheduledFuture<?> current = flushing;
    if (current != null) {
      current.cancel(false);
      flush();
    }
  }

  /**
   * Subscribes the caller to a conversation it may see.
   *
   * @param afterId the last event id the subscriber saw, 0 for everything
   * @param sink receives the events, one at a time, in order
   * @return closes the subscription
   * @throws io.protohive.kernel.platform.Rejection when the caller may not see the conversation
   */
  public AutoCloseable subscribe(
      Caller caller, UUID conversationId, long afterId, Consumer<ConversationEvent> sink) {
    conversations.get(caller, conversationId);
    listen();
    Subscription subscription = new Subscription(afterId, sink);
    Set<Subscription> set =
        subscribers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet());
    set.add(subscription);
    // unstored first: an event leaves it only once stored, so it is in one or the other
    List<ConversationEvent> missed = new ArrayList<>(unstored.after(conversationId, afterId));
    missed.addAll(store.after(caller.tenantId(), conversationId, afterId));
    missed.sort(Comparator.comparingLong(ConversationEvent::id));
    subscription.replay(missed);
    return () -> set.remove(subscription);
  }

  /**
   * Subscribes the caller to the events of a conversation it may see that are published from now
   * on, with nothing replayed: for one who is about to start a run and follows only that run.
   *
   * @param sink receives the events, one at a time, in order
   * @return closes the subscription
   * @throws io.protohive.kernel.platform.Rejection when the caller may not see the conversation
   */
  public AutoCloseable follow(
      Caller caller, UUID conversationId, Consumer<ConversationEvent> sink) {
    conversations.get(caller, conversationId);
    listen();
    Subscription subscription = new Subscription(0, sink);
    subscription.replay(List.of());
    Set<Subscription> set =
        subscribers.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet());
    set.add(subscription);
    return () -> set.remove(subscription);
  }

  /**
   * One subscriber: live events that arrive while the missed ones are replayed wait in a queue; an
   * event is delivered only if its id is above the last one delivered.
   */
  private static final class Subscription {
    private final Consumer<ConversationEvent> sink;
    private final Queue<ConversationEvent> waiting = new ArrayDeque<>();
    private long lastDelivered;
    private boolean replaying = true;

    Subscription(long afterId, Consumer<ConversationEvent> sink) {
      this.lastDelivered = afterId;
      this.sink = sink;
    }

    synchronized void offer(ConversationEvent event) {
      if (replaying) {
        waiting.add(event);
      } else {
        deliver(event);
      }
    }

    synchronized void replay(Iterable<ConversationEvent> missed) {
      missed.forEach(this::deliver);
      while (!waiting.isEmpty()) {
        deliver(waiting.poll());
      }
      replaying = false;
    }

    private void deliver(ConversationEvent event) {
      if (event.id() > lastDelivered) {
        lastDelivered = event.id();
        sink.accept(event);
      }
    }
  }
}
