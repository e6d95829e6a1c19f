package io.protohive.kernel.conversation;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a person's Stop to the node that runs the turn, whichever it is: the Stop is announced on
 * a Hazelcast topic and every node marks the run if it runs it here. A run registers here before it
 * reads the stored stop request, so a Stop announced before the run started on this node is found
 * in the database and one announced after reaches it here.
 */
@ApplicationScoped
public class RunStops {

  /** The topic that carries the ids of runs to stop to every node. */
  public static final String TOPIC = "protohive.run-stops";

  @Inject HazelcastInstance hazelcast;

  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();
  private volatile boolean listening;

  /** Asks every node to stop the run. */
  void request(UUID runId) {
    topic().publish(runId.toString());
  }

  /** The run starts on this node; a Stop for it from now on is kept until it ends. */
  void started(UUID runId) {
    listen();
    running.add(runId);
  }

  boolean stopped(UUID runId) {
    return stopped.contains(runId);
  }

  /** The run ended on this node. */
  void ended(UUID runId) {
    running.remove(runId);
    stopped.remove(runId);
  }

  private void listen() {
    if (listening) {
      return;
    }
    synchronized (this) {
      if (!listening) {
        topic().addMessageListener(message -> mark(message.getMessageObject()));
        listening = true;
      }
    }
  }

  private void mark(String message) {
    UUID runId;
    try {
      runId = UUID.fromString(message);
    } catch (IllegalArgumentException notARun) {
      return;
    }
    if (running.contains(runId)) {
      stopped.add(runId);
    }
  }

  private ITopic<String> topic() {
    return hazelcast.getTopic(TOPIC);
  }
}
