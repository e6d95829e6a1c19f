package io.protohive.kernel.plugin;

import io.protohive.pluginhost.Capabilities;
import java.util.List;

/**
 * What a plugin declares it does beyond computing, as the doors show it: the hosts it calls,
 * whether it runs code it is given, and which of its tools change things outside the platform.
 */
public record CapabilitiesView(
    List<String> networkHosts, boolean executesCode, List<String> consequentialTools) {

  public CapabilitiesView {
    networkHosts = List.copyOf(networkHosts);
    consequentialTools = List.copyOf(consequentialTools);
  }

  /** The view of declared capabilities, or {@code null} for none known. */
  static CapabilitiesView of(Capabilities capabilities) {
    return capabilities == null
        ? null
        : new CapabilitiesView(
            capabilities.networkHosts(),
            capabilities.executesCode(),
            capabilities.consequentialTools());
  }

  /** The plugin host's value of these capabilities, as acceptance records it. */
  Capabilities toCapabilities() {
    return new Capabilities(networkHosts, executesCode, consequentialTools);
  }
}
