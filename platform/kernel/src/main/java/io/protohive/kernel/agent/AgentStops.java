package io.protohive.kernel.agent;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries a person's Stop to the node where an agent works, whichever it is: a conversation's run,
 * known by the run's id, or a session on a task, known by the task's id. The Stop is announced on a
 * Hazelcast topic and every node marks the work if it runs it here; the {@link AgentLoop} hooks ask
 * {@link #stopped} before every step and while the model streams. The work registers here before it
 * reads whether it was stopped already (the run's stored request, the task's status), so a Stop
 * announced before the work started on this node is found in the database and one announced after
 * reaches it here. The topic is a {@link SignedTopic}: only a node of the platform stops work.
 */
@ApplicationScoped
public class AgentStops {

  /** The topic that carries the ids of the work to stop to every node. */
  public static final String TOPIC = "protohive.run-stops";

  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;
  @Resource TransactionSynchronizationRegistry transactions;

  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final Set<UUID> stopped = ConcurrentHashMap.newKeySet();
  private volatile boolean listening;

  /**
   * Asks every node to stop the work, once the current transaction commits (what stops it is then
   * stored for a node that starts it later), or now outside one.
   */
  public void request(UUID workId) {
    AfterCommit.run(transactions, () -> topic().publish(workId.toString()));
  }

  /** The work starts on this node; a Stop for it from now on is kept until it ends. */
  public void started(UUID workId) {
    listen();
    running.add(workId);
  }

  public boolean stopped(UUID workId) {
    return stopped.contains(workId);
  }

  /** The work ended on this node. */
  public void ended(UUID workId) {
    running.remove(workId);
    stopped.remove(workId);
  }

  private void listen() {
    if (listening) {
      return;
    }
    synchronized (this) {
      if (!listening) {
        topic().listen(this::mark);
        listening = true;
      }
    }
  }

  private void mark(String message) {
    UUID workId;
    try {
      workId = UUID.fromString(message);
    } catch (IllegalArgumentException notAnId) {
      return;
    }
    if (running.contains(workId)) {
      stopped.add(workId);
    }
  }

  private SignedTopic topic() {
    return new SignedTopic(hazelcast, secrets, TOPIC);
  }
}
