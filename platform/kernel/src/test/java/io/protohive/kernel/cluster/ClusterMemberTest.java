package io.protohive.kernel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterMemberTest {

  @Test
  void aLoneMemberNeverPhonesHomeNorSearchesTheNetwork() {
    Config config = ClusterMember.config(5901, List.of(), Optional.empty());

    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces())
        .containsExactly("127.0.0.1");
  }

  @Test
  void aMemberBoundToAnAddressCannotBeReachedOnAnyOther() throws Exception {
    InetAddress other = nonLoopbackAddress();
    try (ClusterMember member =
        ClusterMember.start(5941, List.of("127.0.0.1:5941"), Optional.of("127.0.0.1"))) {
      int port = member.hazelcast().getCluster().getLocalMember().getAddress().getPort();

      try (Socket loopback = new Socket("127.0.0.1", port)) {
        assertThat(loopback.isConnected()).isTrue();
      }
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress(other, port), 2000);
                }
              })
          .isInstanceOf(IOException.class);
    }
  }

  /** An address of this machine other than loopback, which every machine of the farm has. */
  private static InetAddress nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("this test needs a network address besides loopback"));
  }

  /**
   * Whoever joins the cluster could put an object of any class on the classpath where a node reads
   * it; deserializing it runs that class's code. A node reads only Hazelcast's and the JDK's.
   */
  @Test
  void aMemberDeserializesNoObjectOfAnApplicationClass() {
    try (ClusterMember member = ClusterMember.start(5991, List.of())) {
      HazelcastInstance intruder = ClusterCachesTest.client(member);
      try {
        intruder.getMap("probe").set("key", new Gadget());

        assertThatThrownBy(() -> member.hazelcast().getMap("probe").get("key"))
            .hasRootCauseInstanceOf(SecurityException.class);
        assertThat(Gadget.ran).isFalse();
      } finally {
        intruder.shutdown();
      }
    }
  }

  /** Stands for a class whose deserialization does harm. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    static volatile boolean ran;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      ran = true;
    }
  }

  @Test
  void membersGivenEachOthersAddressesFormOneCluster() {
    List<String> members = List.of("127.0.0.1:5911", "127.0.0.1:5912");
    try (ClusterMember first = ClusterMember.start(5911, members);
        ClusterMember second = ClusterMember.start(5912, members)) {

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> first.clusterSize() == 2 && second.clusterSize() == 2);
      first.hazelcast().getMap("probe").put("key", "shared");
      assertThat(second.hazelcast().getMap("probe").get("key")).isEqualTo("shared");
    }
  }
}
