package io.protohive.kernel.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The events delivered by any node of the cluster that may not be stored yet, by conversation: a
 * subscriber that resumes reads them before the store, so an event already delivered to others is
 * found in one place or the other. An event leaves when the node that published it says it is
 * stored, when that node leaves the cluster, or after {@link #expire} otherwise.
 *
 * <p>Thread-safe; reads see a weakly consistent view, which is enough because an event leaves only
 * once it is stored.
 */
final class UnstoredEvents {

  private record Entry(String node, ConversationEvent event, long since) {}

  private final Map<UUID, ConcurrentNavigableMap<Long, Entry>> byConversation =
      new ConcurrentHashMap<>();

  void add(String node, ConversationEvent event, long nowMillis) {
    // under the key's lock, so that an emptied map is never dropped between lookup and put
    byConversation.compute(
        event.conversationId(),
        (id, events) -> {
          ConcurrentNavigableMap<Long, Entry> into =
              events == null ? new ConcurrentSkipListMap<>() : events;
          into.put(event.id(), new Entry(node, event, nowMillis));
          return into;
        });
  }

  /** The node stored its events of the conversation up to the id given. */
  void stored(String node, UUID conversationId, long throughId) {
    ConcurrentNavigableMap<Long, Entry> events = byConversation.get(conversationId);
    if (events == null) {
      return;
    }
    events.headMap(throughId, true).values().removeIf(entry -> entry.node().equals(node));
    byConversation.computeIfPresent(conversationId, (id, left) -> left.isEmpty() ? null : left);
  }

  /** The node left the cluster: what it did not store is gone. */
  void forget(String node) {
    for (UUID conversationId : byConversation.keySet()) {
      stored(node, conversationId, Long.MAX_VALUE);
    }
  }

  /** Drops what waited since before the time given: its node neither stored it nor left. */
  void expire(long beforeMillis) {
    byConversation.forEach(
        (conversationId, events) -> {
          events.values().removeIf(entry -> entry.since() < beforeMillis);
          byConversation.computeIfPresent(
              conversationId, (id, left) -> left.isEmpty() ? null : left);
        });
  }

  /** The conversation's events after the id given, in order. */
  List<ConversationEvent> after(UUID conversationId, long afterId) {
    ConcurrentNavigableMap<Long, Entry> events = byConversation.get(conversationId);
    if (events == null) {
      return List.of();
    }
    return events.tailMap(afterId, false).values().stream().map(Entry::event).toList();
  }
}
