package io.protohive.kernel.task;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.access.Authorization;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.kernel.organization.Permission;
import io.protohive.kernel.platform.AfterCommit;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.StringReader;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live events of organizations' tasks, for boards and socket subscribers on every node. An event
 * goes out once the transaction that made the change commits, over a Hazelcast topic that reaches
 * every node, this one included (a {@link SignedTopic}: only a node of the platform announces one);
 * nothing is stored, so a client that reconnects reads the board again.
 */
@ApplicationScoped
public class TaskEvents {

  private static final Logger LOG = Logger.getLogger(TaskEvents.class.getName());

  /** The topic that carries task events to every node. */
  public static final String TOPIC = "protohive.task-events";

  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;
  @Inject Authorization authorization;
  @Inject OrganizationService organizations;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Map<UUID, Set<Consumer<TaskEvent>>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean listening;

  /** Announces the event when the current transaction commits, or now outside one. */
  void publish(TaskEvent event) {
    listen();
    AfterCommit.run(transactions, () -> topic().publish(encode(event)));
  }

  /**
   * Hands the live events of an organization the caller may see to the sink, on a thread of the
   * cluster's.
   *
   * @return closes the subscription
   */
  public AutoCloseable subscribe(Caller caller, UUID organizationId, Consumer<TaskEvent> sink) {
    authorization.organization(caller, organizationId, Permission.VIEW);
    listen();
    Set<Consumer<TaskEvent>> set =
        subscribers.computeIfAbsent(organizationId, id -> ConcurrentHashMap.newKeySet());
    set.add(sink);
    return () -> set.remove(sink);
  }

  private void listen() {
    if (listening) {
      return;
    }
    synchronized (this) {
      if (!listening) {
        topic().listen(message -> deliver(decode(message)));
        listening = true;
      }
    }
  }

  private void deliver(TaskEvent event) {
    Set<Consumer<TaskEvent>> current = subscribers.get(event.organizationId());
    if (current == null) {
      return;
    }
    for (Consumer<TaskEvent> sink : current) {
      try {
        sink.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "A task event subscriber failed", e);
      }
    }
  }

  private SignedTopic topic() {
    return new SignedTopic(hazelcast, secrets, TOPIC);
  }

  private static String encode(TaskEvent event) {
    return Json.createObjectBuilder()
        .add("tenantId", event.tenantId().toString())
        .add("organizationId", event.organizationId().toString())
        .add("taskId", event.taskId().toString())
        .add("type", event.type())
        .add("payload", event.payload())
        .build()
        .toString();
  }

  private static TaskEvent decode(String text) {
    JsonObject json = Json.createReader(new StringReader(text)).readObject();
    return new TaskEvent(
        UUID.fromString(json.getString("tenantId")),
        UUID.fromString(json.getString("organizationId")),
        UUID.fromString(json.getString("taskId")),
        json.getString("type"),
        json.getString("payload"));
  }
}
