package io.protohive.ui.organization;

import io.protohive.kernel.organization.AgentView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The agents of the software startup template, as the platform lists them, for the tests. */
final class Agents {

  static final UUID ORGANIZATION = UUID.randomUUID();
  static final AgentView ADA = agent("Ada", "Chief executive officer", null, List.of());
  static final AgentView LINUS =
      agent("Linus", "Chief technology officer", ADA, List.of("clock.now", "http.get"));
  static final AgentView GRACE = agent("Grace", "Backend engineer", LINUS, List.of("http.get"));
  static final AgentView ALAN = agent("Alan", "Frontend engineer", LINUS, List.of());
  static final AgentView MARGARET = agent("Margaret", "Product manager", ADA, List.of());
  static final List<AgentView> STARTUP = List.of(ADA, LINUS, GRACE, ALAN, MARGARET);

  private Agents() {}

  static AgentView agent(String name, String role, AgentView manager, List<String> tools) {
    return new AgentView(
        UUID.randomUUID(),
        ORGANIZATION,
        name,
        role,
        "You are " + name + ".",
        manager == null ? null : manager.id(),
        null,
        null,
        null,
        8,
        tools,
        "#5b21b6",
        Instant.EPOCH,
        Instant.EPOCH);
  }
}
