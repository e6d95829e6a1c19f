package io.protohive.kernel.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnstoredEventsTest {

  private final UUID conversation = UUID.randomUUID();
  private final UnstoredEvents unstored = new UnstoredEvents();

  @Test
  void aResumingSubscriberGetsTheEventsAfterItsIdInOrder() {
    unstored.add("b", word(12), 0);
    unstored.add("a", word(10), 0);
    unstored.add("a", word(11), 0);

    assertThat(unstored.after(conversation, 10))
        .extracting(ConversationEvent::id)
        .containsExactly(11L, 12L);
    assertThat(unstored.after(UUID.randomUUID(), 0)).isEmpty();
  }

  @Test
  void eventsLeaveOnceTheirNodeStoredThemOrLeftOrAfterTheirTime() {
    unstored.add("a", word(10), 0);
    unstored.add("b", word(11), 0);
    unstored.add("a", word(12), 5);

    unstored.stored("a", conversation, 11);
    assertThat(unstored.after(conversation, 0))
        .extracting(ConversationEvent::id)
        .containsExactly(11L, 12L);
    unstored.forget("b");
    assertThat(unstored.after(conversation, 0))
        .extracting(ConversationEvent::id)
        .containsExactly(12L);
    unstored.expire(4);
    assertThat(unstored.after(conversation, 0)).hasSize(1);
    unstored.expire(6);
    assertThat(unstored.after(conversation, 0)).isEmpty();
  }

  @Test
  void aStoredNoticeTravelsBetweenNodesAndIsNoEvent() {
    String message = ClusterEvents.encodeStored("node-1", Map.of(conversation, 42L));

    assertThat(ClusterEvents.decodeStored(message))
        .hasValue(new ClusterEvents.Stored("node-1", Map.of(conversation, 42L)));
    assertThat(ClusterEvents.decode(message)).isEmpty();
    assertThat(ClusterEvents.from("node-1", message)).isTrue();
    assertThat(ClusterEvents.from("node-2", message)).isFalse();
    String event = ClusterEvents.encode("node-2", word(7));
    assertThat(ClusterEvents.decodeStored(event)).isEmpty();
    assertThat(ClusterEvents.decode(event).orElseThrow().event()).isEqualTo(word(7));
  }

  private ConversationEvent word(long id) {
    return new ConversationEvent(id, conversation, null, "message.delta", "{\"text\":\"w\"}");
  }
}
