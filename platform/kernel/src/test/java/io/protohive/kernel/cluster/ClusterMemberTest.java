package io.protohive.kernel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMemberTest {

  @Test
  void aLoneMemberNeverPhonesHomeNorSearchesTheNetwork() {
    Config config = ClusterMember.config(5901, List.of());

    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
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
