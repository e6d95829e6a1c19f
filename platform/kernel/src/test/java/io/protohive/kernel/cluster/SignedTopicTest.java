package io.protohive.kernel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.HazelcastInstance;
import io.protohive.kernel.secret.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Hazelcast member and a client that joined it, as anyone on its network can. */
class SignedTopicTest {

  private static final SecretBox SECRETS = box();
  private static ClusterMember node;
  private static HazelcastInstance otherProcess;

  private final String name = "test-" + UUID.randomUUID();
  private final Queue<String> received = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startNode() {
    node = ClusterMember.start(5981, List.of());
    otherProcess = ClusterCachesTest.client(node);
  }

  @AfterAll
  static void stopNode() {
    otherProcess.shutdown();
    node.close();
  }

  @Test
  void aMessageSignedWithTheSecretsKeyReachesTheListeners() {
    new SignedTopic(node.hazelcast(), SECRETS, name).listen(received::add);

    new SignedTopic(otherProcess, SECRETS, name).publish("stop 42 ~ now");

    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("stop 42 ~ now"));
  }

  @Test
  void messagesNotSignedWithTheSecretsKeyForThisTopicNowAreDropped() {
    new SignedTopic(node.hazelcast(), SECRETS, name).listen(received::add);
    Instant now = Instant.now();

    otherProcess.getTopic(name).publish("unsigned");
    otherProcess.getTopic(name).publish(List.of("not", "a", "string"));
    new SignedTopic(otherProcess, box(), name).publish("another key");
    // a copy of a message of another topic
    otherProcess.getTopic(name).publish(signed(now, "another topic", "another-topic-" + name));
    signedAt(now.minus(SignedTopic.WINDOW).minusSeconds(1)).publish("too old");
    signedAt(now.plus(SignedTopic.WINDOW).plusSeconds(1)).publish("from the future");
    otherProcess
        .getTopic(name)
        .publish(SECRETS.sign(now.toEpochMilli() + "", "cluster-topic:" + name));
    signedAt(now.minus(SignedTopic.WINDOW).plusSeconds(5)).publish("late but in time");

    await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
    assertThat(received).containsExactly("late but in time");
  }

  private static String signed(Instant sent, String message, String topic) {
    return SECRETS.sign(sent.toEpochMilli() + " " + message, "cluster-topic:" + topic);
  }

  private SignedTopic signedAt(Instant sent) {
    return new SignedTopic(otherProcess, SECRETS, name, Clock.fixed(sent, ZoneOffset.UTC));
  }

  private static SecretBox box() {
    return new SecretBox(Base64.getDecoder().decode(SecretBox.newKey()));
  }
}
