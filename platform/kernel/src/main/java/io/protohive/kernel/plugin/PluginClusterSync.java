package io.protohive.kernel.plugin;

import com.hazelcast.topic.ITopic;
import io.protohive.kernel.platform.PlatformRuntime;
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
 */
@ApplicationScoped
public class PluginClusterSync {

  private static final Logger LOG = Logger.getLogger(PluginClusterSync.class.getName());
  static final String TOPIC = "protohive.plugins";

  @Inject PlatformRuntime runtime;
  @Inject PluginInstaller installer;

  @Resource ManagedExecutorService executor;

  /** Starts listening for the other nodes' announcements. */
  public void listen() {
    topic()
        .addMessageListener(
            message -> {
              if (!message.getPublishingMember().localMember()) {
                executor.execute(this::synchronize);
              }
            });
  }

  void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginSetChanged change) {
    topic().publish(change.what());
  }

  private void synchronize() {
    try {
      installer.synchronize();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Plugin set not synchronized with the cluster", e);
    }
  }

  private ITopic<String> topic() {
    return runtime.cluster().hazelcast().getTopic(TOPIC);
  }
}
