package io.protohive.ui.organization;

import io.protohive.kernel.organization.AgentView;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who reports to whom among an organization's agents, read once from the agents' managers so that
 * the org chart and the choice of a manager agree on it.
 */
final class ReportingLines {

  private final List<AgentView> agents;
  private final Map<UUID, AgentView> byId;

  /**
   * @param agents the organization's agents, in the order to show them
   */
  ReportingLines(List<AgentView> agents) {
    this.agents = List.copyOf(agents);
    this.byId = this.agents.stream().collect(Collectors.toMap(AgentView::id, Function.identity()));
  }

  /** Every agent, in the order the platform lists them. */
  List<AgentView> all() {
    return agents;
  }

  boolean isEmpty() {
    return agents.isEmpty();
  }

  /** The agents that report to no one here: the top of the chart. */
  List<AgentView> top() {
    return agents.stream().filter(a -> managerOf(a).isEmpty()).toList();
  }

  List<AgentView> reportsTo(AgentView manager) {
    return agents.stream().filter(a -> manager.id().equals(a.managerId())).toList();
  }

  Optional<AgentView> managerOf(AgentView agent) {
    return Optional.ofNullable(agent.managerId()).map(byId::get);
  }

  /**
   * The agents the given one may report to: all but itself and those below it, to whom it cannot
   * report without a loop.
   *
   * @param agent the agent, or {@code null} for a new one, who may report to any
   */
  List<AgentView> possibleManagersOf(AgentView agent) {
    if (agent == null) {
      return agents;
    }
    Set<UUID> excluded = new HashSet<>();
    addWithReports(agent, excluded);
    return agents.stream().filter(a -> !excluded.contains(a.id())).toList();
  }

  private void addWithReports(AgentView agent, Set<UUID> ids) {
    if (ids.add(agent.id())) {
      reportsTo(agent).forEach(report -> addWithReports(report, ids));
    }
  }
}
