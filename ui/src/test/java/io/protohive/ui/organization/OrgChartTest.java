package io.protohive.ui.organization;

import static io.protohive.ui.organization.Agents.ADA;
import static io.protohive.ui.organization.Agents.GRACE;
import static io.protohive.ui.organization.Agents.LINUS;
import static io.protohive.ui.organization.Agents.MARGARET;
import static io.protohive.ui.organization.Agents.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import io.protohive.kernel.organization.AgentView;
import io.protohive.ui.ComponentTree;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrgChartTest {

  private final ReportingLines lines = new ReportingLines(STARTUP);
  private final OrgChart chart = new OrgChart();

  @Test
  void drawsEachManagerAboveItsReports() {
    chart.show(lines, agent -> new AgentCard(agent, lines.managerOf(agent)));

    assertThat(cards(chart).get(0)).isSameAs(card(ADA));
    assertThat(cards(subtreeOf(card(ADA)))).hasSize(5);
    assertThat(cards(subtreeOf(card(LINUS)))).hasSize(3).doesNotContain(card(MARGARET));
    assertThat(card(GRACE).getElement().getTextRecursively())
        .contains("Grace", "Backend engineer", "Reports to Linus", "http.get");
  }

  @Test
  void anOrganizationWithoutAgentsSaysSo() {
    chart.show(new ReportingLines(List.of()), agent -> new AgentCard(agent, Optional.empty()));

    assertThat(cards(chart)).isEmpty();
    assertThat(chart.getElement().getTextRecursively()).isEqualTo("No agents yet.");
  }

  private Component card(AgentView agent) {
    return ComponentTree.byId(chart, "agent-card-" + agent.id());
  }

  /** The card with the agents below it: the card sits in a place inside its subtree. */
  private static Component subtreeOf(Component card) {
    return card.getParent().flatMap(Component::getParent).orElseThrow();
  }

  private static List<Component> cards(Component root) {
    return ComponentTree.descendants(root).filter(AgentCard.class::isInstance).toList();
  }
}
