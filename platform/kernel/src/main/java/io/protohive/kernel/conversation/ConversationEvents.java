package io.protohive.kernel.conversation;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import io.protohive.kernel.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The events of conversations: stored first, then handed to the subscribers on this node and, over
 * a Hazelcast topic, to those on the other nodes. A subscriber that passes the last id it saw first
 * receives everything after it from the store, then the live events, each exactly once and in
 * order.
 */
@ApplicationScoped
public class ConversationEvents {

  /** The topic that carries events to the subscribers on the other nodes. */
  public static final String TOPIC = "protohive.conversation-events";

  @Inject EventStore store;
  @Inject ConversationService conversations;
  @Inject HazelcastInstance hazelcast;

  private volatile String node;

  private final Map<UUID, Set<Subscription>> subscribers = new ConcurrentHashMap<>();
  private final Map<UUID, Object> locks = new ConcurrentHashMap<>();

  /**
   * Records an event and delivers it to the conversation's subscribers. Publishing is serialized
   * per conversation, so subscribers receive a conversation's events in the order of their ids.
   */
  public ConversationEvent publish(
      UUID tenantId, UUID conversationId, UUID runId, String type, JsonObject payload) {
    listen();
    synchronized (locks.computeIfAbsent(conversationId, id -> new Object())) {
      ConversationEvent event =
          store.append(tenantId, conversationId, runId, type, payload.toString());
      deliver(event);
      topic().publish(ClusterEvents.encode(node, event));
      return event;
    }
  }

  private void deliver(ConversationEvent event) {
    Set<Subscription> current = subscribers.get(event.conversationId());
    if (current != null) {
      current.forEach(s -> s.offer(event));
    }
  }

  /** Hands the events of the other nodes to this node's subscribers; set up once, on first use. */
  private void listen() {
    if (node != null) {
      return;
    }
    synchronized (this) {
      if (node == null) {
        String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        topic()
            .addMessageListener(
                message ->
                    ClusterEvents.decode(message.getMessageObject())
                        .filter(sent -> !sent.node().equals(self))
                        .ifPresent(sent -> deliver(sent.event())));
        node = self;
      }
    }
  }

  private ITopic<String> topic() {
    return hazelcast.getTopic(TOPIC);
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
    subscription.replay(store.after(caller.tenantId(), conversationId, afterId));
    return () -> set.remove(subscription);
  }

  /**
   * One subscriber: live events that arrive while the stored ones are replayed wait in a queue; an
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

    synchronized void replay(Iterable<ConversationEvent> stored) {
      stored.forEach(this::deliver);
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
