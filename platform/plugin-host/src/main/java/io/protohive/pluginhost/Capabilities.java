package io.protohive.pluginhost;

import java.util.List;

/**
 * What a plugin declares it does beyond computing: the hosts it calls, whether it runs code it is
 * given, and which of its tools change things outside the platform.
 */
public record Capabilities(
    List<String> networkHosts, boolean executesCode, List<String> consequentialTools) {

  public static final Capabilities NONE = new Capabilities(List.of(), false, List.of());

  private static final String ANY_HOST = "*";

  public Capabilities {
    networkHosts = List.copyOf(networkHosts);
    consequentialTools = List.copyOf(consequentialTools);
  }

  /**
   * What these capabilities add to {@code approved}: hosts not declared there word for word (unless
   * it declared every host), running code when it did not, consequential tools it did not name. A
   * host pattern that a wider approved one happens to cover still counts as added: a person looks
   * at it rather than a rule guessing.
   */
  public Capabilities addedTo(Capabilities approved) {
    return new Capabilities(
        approved.networkHosts().contains(ANY_HOST)
            ? List.of()
            : networkHosts.stream().filter(h -> !approved.networkHosts().contains(h)).toList(),
        executesCode && !approved.executesCode(),
        consequentialTools.stream()
            .filter(t -> !approved.consequentialTools().contains(t))
            .toList());
  }

  /** Whether nothing is declared at all. */
  public boolean declaresNothing() {
    return networkHosts.isEmpty() && !executesCode && consequentialTools.isEmpty();
  }
}
