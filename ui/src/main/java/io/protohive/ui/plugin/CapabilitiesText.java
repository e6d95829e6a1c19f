package io.protohive.ui.plugin;

import io.protohive.kernel.plugin.CapabilitiesView;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plugin declares it does beyond computing, in a line: admins decide on it before they
 * install or switch on a plugin, and editors of agents before they give an agent its tools.
 */
public final class CapabilitiesText {

  private CapabilitiesText() {}

  /**
   * @param capabilities {@code null} for a plugin that declares none
   */
  public static String of(CapabilitiesView capabilities) {
    if (capabilities == null) {
      return "none declared";
    }
    List<String> parts = new ArrayList<>();
    if (!capabilities.networkHosts().isEmpty()) {
      parts.add("calls " + String.join(", ", capabilities.networkHosts()));
    }
    if (capabilities.executesCode()) {
      parts.add("executes code");
    }
    if (!capabilities.consequentialTools().isEmpty()) {
      parts.add("consequential tools: " + String.join(", ", capabilities.consequentialTools()));
    }
    return parts.isEmpty() ? "none declared" : String.join("; ", parts);
  }
}
