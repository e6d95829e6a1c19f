package io.protohive.ui.conversation;

import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who speaks in a conversation, by the id its messages and events carry: the organization's agents
 * with their colours, and its members. Someone since removed still has a name to show.
 */
final class Speakers {

  /** A name and the colour it is shown in. */
  record Speaker(String name, String color) {}

  private static final String PERSON_COLOR = "var(--lumo-contrast-60pct)";

  private final Map<UUID, Speaker> agents = new HashMap<>();
  private final Map<UUID, Speaker> people = new HashMap<>();

  Speakers(List<AgentView> agents, List<MemberView> members) {
    agents.forEach(agent -> this.agents.put(agent.id(), new Speaker(agent.name(), agent.color())));
    members.forEach(
        member ->
            people.put(
                member.userId(),
                new Speaker(
                    member.displayName() == null || member.displayName().isBlank()
                        ? member.email()
                        : member.displayName(),
                    PERSON_COLOR)));
  }

  Speaker agent(UUID id) {
    return agents.getOrDefault(id, new Speaker("A former agent", PERSON_COLOR));
  }

  Speaker person(UUID id) {
    return people.getOrDefault(id, new Speaker("A former member", PERSON_COLOR));
  }
}
