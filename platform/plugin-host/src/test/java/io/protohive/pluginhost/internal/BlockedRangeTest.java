package io.protohive.pluginhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockedRangeTest {

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, UNSPECIFIED",
    "::, UNSPECIFIED",
    "127.0.0.1, LOOPBACK",
    "127.8.9.10, LOOPBACK",
    "::1, LOOPBACK",
    "10.0.0.5, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.1.1, PRIVATE",
    "100.64.0.1, CARRIER_GRADE_NAT",
    "100.127.255.254, CARRIER_GRADE_NAT",
    "169.254.169.254, LINK_LOCAL",
    "fe80::1, LINK_LOCAL",
    "fec0::1, SITE_LOCAL",
    "fc00::1, UNIQUE_LOCAL",
    "fd12:3456::1, UNIQUE_LOCAL",
    "224.0.0.1, MULTICAST",
    "ff02::1, MULTICAST",
    "255.255.255.255, RESERVED",
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:169.254.169.254, LINK_LOCAL",
    "::10.0.0.1, PRIVATE",
    "64:ff9b::a9fe:a9fe, LINK_LOCAL",
  })
  void refusesInternalAddresses(String literal, BlockedRange expected) throws UnknownHostException {
    assertThat(BlockedRange.of(InetAddress.getByName(literal))).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"93.184.216.34", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2606:4700::1111"})
  void letsPublicAddressesPass(String literal) throws UnknownHostException {
    assertThat(BlockedRange.of(InetAddress.getByName(literal))).isEmpty();
  }
}
