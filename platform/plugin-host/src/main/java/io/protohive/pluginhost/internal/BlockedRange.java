package io.protohive.pluginhost.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of address a plugin must not reach unless the operator says so: they lead to the host
 * itself, to the internal network, or to cloud metadata services (169.254.169.254), which is what
 * server-side request forgery is after.
 *
 * <p>IPv6 addresses that embed an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, the deprecated
 * IPv4-compatible {@code ::a.b.c.d} and NAT64 {@code 64:ff9b::a.b.c.d}) are judged by the IPv4
 * address, since that is where the packets end up.
 */
public enum BlockedRange {
  UNSPECIFIED("an unspecified (any-local)"),
  LOOPBACK("a loopback"),
  PRIVATE("a private"),
  CARRIER_GRADE_NAT("a carrier-grade NAT"),
  LINK_LOCAL("a link-local"),
  SITE_LOCAL("a site-local"),
  UNIQUE_LOCAL("a unique-local"),
  MULTICAST("a multicast"),
  RESERVED("a reserved");

  private final String article;

  BlockedRange(String article) {
    this.article = article;
  }

  /** E.g. "a loopback address", to complete a sentence. */
  public String describe() {
    return article + " address";
  }

  /** The range the address falls in, or empty for an ordinary public address. */
  public static Optional<BlockedRange> of(InetAddress address) {
    byte[] bytes = address.getAddress();
    return Optional.ofNullable(bytes.length == 4 ? ipv4(bytes, 0) : ipv6(bytes));
  }

  private static BlockedRange ipv4(byte[] bytes, int offset) {
    int first = bytes[offset] & 0xff;
    int second = bytes[offset + 1] & 0xff;
    if (first == 0) {
      return UNSPECIFIED; // 0.0.0.0/8: Linux connects 0.0.0.0 to the local host
    } else if (first == 127) {
      return LOOPBACK;
    } else if (first == 10
        || (first == 172 && (second & 0xf0) == 16)
        || (first == 192 && second == 168)) {
      return PRIVATE;
    } else if (first == 100 && (second & 0xc0) == 64) {
      return CARRIER_GRADE_NAT;
    } else if (first == 169 && second == 254) {
      return LINK_LOCAL;
    } else if (first >= 224 && first < 240) {
      return MULTICAST;
    } else if (first >= 240) {
      return RESERVED; // 240.0.0.0/4 and the broadcast address
    }
    return null;
  }

  private static BlockedRange ipv6(byte[] bytes) {
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    if (isZero(bytes, 0, 15) && bytes[15] == 1) {
      return LOOPBACK; // ::1
    } else if (embedsIpv4(bytes)) {
      return ipv4(bytes, 12);
    } else if (first == 0xff) {
      return MULTICAST;
    } else if (first == 0xfe && (second & 0xc0) == 0x80) {
      return LINK_LOCAL;
    } else if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return SITE_LOCAL;
    } else if ((first & 0xfe) == 0xfc) {
      return UNIQUE_LOCAL;
    }
    return null;
  }

  /**
   * Whether the last four bytes are an IPv4 address the packets go to. Covers {@code ::} too, which
   * as {@code 0.0.0.0} is refused as unspecified.
   */
  private static boolean embedsIpv4(byte[] bytes) {
    boolean zeroPrefix = isZero(bytes, 0, 10);
    boolean mapped = zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0;
    boolean nat64 =
        bytes[0] == 0
            && bytes[1] == 0x64
            && (bytes[2] & 0xff) == 0xff
            && (bytes[3] & 0xff) == 0x9b
            && isZero(bytes, 4, 12);
    return mapped || compatible || nat64;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    byte[] zeros = new byte[to - from];
    return Arrays.equals(bytes, from, to, zeros, 0, zeros.length);
  }
}
