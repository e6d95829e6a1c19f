package io.protohive.app.it;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.cluster.SignedTopic;
import io.protohive.kernel.secret.SecretBox;
import io.protohive.kernel.secret.SecretsKey;
import java.util.Optional;

/**
 * A process in the test JVM that joined the server's Hazelcast cluster as a client: another node of
 * the platform when it signs its messages with the server's secrets key, an intruder when it
 * publishes without.
 */
final class OtherNode implements AutoCloseable {

  private final HazelcastInstance hazelcast = HazelcastClient.newHazelcastClient(config());
  private final SecretBox secrets = SecretsKey.load(Optional.empty(), Platform.DATA_DIR);

  /** Announces as a node of the platform does. */
  void publish(String topic, String message) {
    new SignedTopic(hazelcast, secrets, topic).publish(message);
  }

  /** Announces as whoever reached the cluster without the secrets key can. */
  void forge(String topic, String message) {
    hazelcast.getTopic(topic).publish(message);
  }

  HazelcastInstance hazelcast() {
    return hazelcast;
  }

  @Override
  public void close() {
    hazelcast.shutdown();
  }

  private static ClientConfig config() {
    ClientConfig config = new ClientConfig();
    config.setClusterName(ClusterMember.CLUSTER_NAME);
    config.getNetworkConfig().addAddress("127.0.0.1:" + System.getProperty("it.hazelcast.port"));
    config.setProperty("hazelcast.logging.type", "jdk");
    return config;
  }
}
