package io.protohive.kernel.cluster;

import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.platform.NoTransaction;
import io.protohive.kernel.secret.SecretBox;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node's caches against a real Hazelcast member, and another process that joined it as a client:
 * another node when it signs with the secrets key, an intruder when it does not.
 */
class ClusterCachesTest {

  private static final SecretBox SECRETS =
      new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

  private static ClusterMember node;
  private static HazelcastInstance otherProcess;

  private final AtomicInteger loads = new AtomicInteger();

  @BeforeAll
  static void startNode() {
    node = ClusterMember.start(5961, List.of());
    otherProcess = client(node);
  }

  @AfterAll
  static void stopNode() {
    otherProcess.shutdown();
    node.close();
  }

  /** A process that reached the cluster's port, as any Hazelcast client can. */
  static HazelcastInstance client(ClusterMember member) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(ClusterMember.CLUSTER_NAME);
    config
        .getNetworkConfig()
        .addAddress(
            "127.0.0.1:" + member.hazelcast().getCluster().getLocalMember().getAddress().getPort());
    config.setProperty("hazelcast.logging.type", "jdk");
    return HazelcastClient.newHazelcastClient(config);
  }

  @Test
  void anInvalidationFromAnotherNodeDropsTheEntryHere() {
    ClusterCaches caches = caches();
    caches.cache("routes").get("tenant", this::load);

    new SignedTopic(otherProcess, SECRETS, ClusterCaches.TOPIC)
        .publish("another-node routes tenant");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> caches.cache("routes").get("tenant", this::load).equals("load 2"));
  }

  @Test
  void anInvalidationForgedOnTheClusterDropsNothing() {
    ClusterCaches caches = caches();
    caches.cache("prices").get("table", this::load);

    otherProcess.<String>getTopic(ClusterCaches.TOPIC).publish("another-node prices table");

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> caches.cache("prices").get("table", this::load).equals("load 1"));
  }

  private String load() {
    return "load " + loads.incrementAndGet();
  }

  private static ClusterCaches caches() {
    ClusterCaches caches = new ClusterCaches();
    caches.hazelcast = node.hazelcast();
    caches.secrets = SECRETS;
    caches.transactions = new NoTransaction();
    caches.listen();
    return caches;
  }
}
