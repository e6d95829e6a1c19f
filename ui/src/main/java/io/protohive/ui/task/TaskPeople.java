package io.protohive.ui.task;

import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.organization.MemberView;
import io.protohive.kernel.task.TaskView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The agents and members of an organization by the ids tasks carry: whom a task may be given to,
 * and the names of assignees, reporters and comment authors. Someone since removed still has a name
 * to show; the person looking is "You".
 */
final class TaskPeople {

  private static final String PERSON_COLOR = "var(--lumo-contrast-60pct)";

  private final Map<UUID, Assignee> agents = new LinkedHashMap<>();
  private final Map<UUID, Assignee> people = new LinkedHashMap<>();
  private final UUID self;

  /**
   * @param self the person looking
   */
  TaskPeople(List<AgentView> agents, List<MemberView> members, UUID self) {
    this.self = self;
    agents.forEach(
        agent ->
            this.agents.put(
                agent.id(),
                new Assignee(agent.id(), null, agent.name(), agent.role(), agent.color())));
    members.forEach(
        member -> {
          boolean named = member.displayName() != null && !member.displayName().isBlank();
          people.put(
              member.userId(),
              new Assignee(
                  null,
                  member.userId(),
                  named ? member.displayName() : member.email(),
                  named ? member.email() : null,
                  PERSON_COLOR));
        });
  }

  /** Whom a task may be given to: the agents in the organization's order, then the members. */
  List<Assignee> assignees() {
    List<Assignee> all = new ArrayList<>(agents.values());
    all.addAll(people.values());
    return all;
  }

  Optional<Assignee> assigneeOf(TaskView task) {
    if (task.assigneeAgentId() != null) {
      return Optional.of(agent(task.assigneeAgentId()));
    }
    if (task.assigneeUserId() != null) {
      return Optional.of(
          people.getOrDefault(
              task.assigneeUserId(),
              new Assignee(null, task.assigneeUserId(), "A former member", null, PERSON_COLOR)));
    }
    return Optional.empty();
  }

  String agentName(UUID agentId) {
    return agent(agentId).name();
  }

  /**
   * The name of whoever wrote a comment or asked for a task.
   *
   * @param kind {@code USER}, {@code AGENT} or {@code SYSTEM}
   */
  String name(String kind, UUID id) {
    return switch (kind) {
      case "AGENT" -> agentName(id);
      case "USER" -> personName(id);
      default -> "ProtoHive";
    };
  }

  private String personName(UUID userId) {
    if (self.equals(userId)) {
      return "You";
    }
    Assignee person = people.get(userId);
    return person == null ? "A former member" : person.name();
  }

  private Assignee agent(UUID agentId) {
    return agents.getOrDefault(
        agentId, new Assignee(agentId, null, "A former agent", null, PERSON_COLOR));
  }
}
