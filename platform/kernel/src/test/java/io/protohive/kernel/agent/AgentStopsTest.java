package io.protohive.kernel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.cluster.ClusterMember;
import io.protohive.kernel.platform.NoTransaction;
import io.protohive.kernel.secret.SecretBox;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stops between two real Hazelcast members, and from an intruder that joined as a client. */
class AgentStopsTest {

  private static final SecretBox SECRETS =
      new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));

  private static final List<String> MEMBERS = List.of("127.0.0.1:5971", "127.0.0.1:5972");
  private static ClusterMember node;
  private static ClusterMember otherNode;
  private static HazelcastInstance intruder;

  @BeforeAll
  static void startCluster() {
    node = ClusterMember.start(5971, MEMBERS);
    otherNode = ClusterMember.start(5972, MEMBERS);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> node.clusterSize() == 2 && otherNode.clusterSize() == 2);
    ClientConfig config = new ClientConfig();
    config.setClusterName(ClusterMember.CLUSTER_NAME);
    config.getNetworkConfig().addAddress("127.0.0.1:5971");
    config.setProperty("hazelcast.logging.type", "jdk");
    intruder = HazelcastClient.newHazelcastClient(config);
  }

  @AfterAll
  static void stopCluster() {
    intruder.shutdown();
    otherNode.close();
    node.close();
  }

  @Test
  void aStopRequestedOnAnotherNodeStopsTheWorkHere() {
    AgentStops stops = stops(node);
    UUID work = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    stops.started(work);
    stops.started(other);

    stops(otherNode).request(work);

    await().atMost(Duration.ofSeconds(10)).until(() -> stops.stopped(work));
    assertThat(stops.stopped(other)).isFalse();
  }

  @Test
  void aStopForgedOnTheClusterStopsNothing() {
    AgentStops stops = stops(node);
    UUID work = UUID.randomUUID();
    stops.started(work);

    intruder.<String>getTopic(AgentStops.TOPIC).publish(work.toString());

    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(3))
        .until(() -> !stops.stopped(work));
  }

  private static AgentStops stops(ClusterMember member) {
    AgentStops stops = new AgentStops();
    stops.hazelcast = member.hazelcast();
    stops.secrets = SECRETS;
    stops.transactions = new NoTransaction();
    return stops;
  }
}
