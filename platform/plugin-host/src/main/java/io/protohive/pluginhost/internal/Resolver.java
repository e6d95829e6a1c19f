package io.protohive.pluginhost.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks up the addresses of a host name. An interface so that tests can map made-up names to
 * private addresses without a DNS server; production uses the system resolver.
 */
@FunctionalInterface
public interface Resolver {

  /** The resolver the JVM uses, which is also what {@link java.net.http.HttpClient} connects by. */
  Resolver SYSTEM = InetAddress::getAllByName;

  /** All addresses of the host, or of an IP literal the literal itself. */
  InetAddress[] resolve(String host) throws UnknownHostException;
}
