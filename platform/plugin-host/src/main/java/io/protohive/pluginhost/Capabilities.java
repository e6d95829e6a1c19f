package io.protohive.pluginhost;

import java.util.List;

/**
 * What a plugin declares it does beyond computing: the hosts it calls, whether it runs code it is
 * given, and which of its tools change things outside the platform.
 */
public record Capabilities(
    List<String> networkHosts, boolean executesCode, List<String> consequentialTools) {

  public Capabilities {
    networkHosts = List.copyOf(networkHosts);
    consequentialTools = List.copyOf(consequentialTools);
  }
}
