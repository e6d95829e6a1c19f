package io.protohive.kernel.plugin;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.secret.SecretBox;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the other nodes, over a Hazelcast topic, that the plugin set changed once the change has
 * committed; each of them then synchronizes its plugin host with the database on a managed thread.
 * A message is "{sender's member uuid} {what changed}": the sender is named in the text because
 * members and clients alike may publish, and a node skips only its own announcements. The topic is
 * a {@link SignedTopic}: what is not a node of the platform's does not set the nodes installing.
 */
@ApplicationScoped
public class PluginClusterSync {

  private static final Logger LOG = Logger.getLogger(PluginClusterSync.class.getName());
  public static final String TOPIC = "protohive.plugins";

  @Inject HazelcastInstance hazelcast;
  @Inject SecretBox secrets;
  @Inject PluginInstaller installer;

  @Resource ManagedExecutorService executor;

  /** Starts listening for the other nodes' announcements. */
  public void listen() {
    String self = localNode();
    topic()
        .listen(
            message -> {
              if (!message.startsWith(self + " ")) {
                executor.execute(this::synchronize);
              }
            });
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginSetChanged change) {
    topic().publish(localNode() + " " + change.what());
  }

  private String localNode() {
    return hazelcast.getCluster().getLocalMember().getUuid().toString();
  }

  private void synchronize() {
    try {
      installer.synchronize();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin set not synchronized with the cluster", e);
    }
  }

  private SignedTopic topic() {
    return new SignedTopic(hazelcast, secrets, TOPIC);
  }
}
