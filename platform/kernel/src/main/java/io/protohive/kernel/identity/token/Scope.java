package io.protohive.kernel.identity.token;

import io.protohive.kernel.platform.Rejection;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token lets a program do. A person's own sign-in may do all of it; a token only what
 * its owner chose when making it, and never more than its account may do.
 */
public enum Scope {
  /** Read whatever the account may see. */
  READ,
  /** Write in conversations: ask agents, through the API, the OpenAI-compatible API or MCP. */
  CHAT,
  /** Create and change tasks, decide approvals. */
  TASKS,
  /** Upload, change and share files. */
  FILES,
  /** Every other change: organizations, agents, members, settings, tokens. */
  ADMIN;

  /** What a person signed in with a password or a provider may do. */
  public static final Set<Scope> ALL = Set.copyOf(EnumSet.allOf(Scope.class));

  /** The scope's name as the API writes it. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The scopes named, each once.
   *
   * @throws Rejection INVALID naming the unknown scope, or when none is named
   */
  public static Set<Scope> parse(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw Rejection.invalid("scopes", "Choose at least one scope: " + known() + ".");
    }
    EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : names) {
      scopes.add(
          Arrays.stream(values())
              .filter(s -> s.wire().equals(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      Rejection.invalid(
                          "scopes",
                          "There is no scope '" + name + "'; choose of " + known() + ".")));
    }
    return Set.copyOf(scopes);
  }

  /** The scopes as stored, space separated in their declared order. */
  static String join(Set<Scope> scopes) {
    return EnumSet.copyOf(scopes).stream().map(Scope::wire).collect(Collectors.joining(" "));
  }

  static Set<Scope> split(String stored) {
    return parse(Arrays.asList(stored.split(" ")));
  }

  private static String known() {
    return Arrays.stream(values()).map(Scope::wire).collect(Collectors.joining(", "));
  }
}
