package io.protohive.ui.organization;

import static io.protohive.ui.organization.Agents.ADA;
import static io.protohive.ui.organization.Agents.ALAN;
import static io.protohive.ui.organization.Agents.GRACE;
import static io.protohive.ui.organization.Agents.LINUS;
import static io.protohive.ui.organization.Agents.MARGARET;
import static io.protohive.ui.organization.Agents.STARTUP;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportingLinesTest {

  private final ReportingLines lines = new ReportingLines(STARTUP);

  @Test
  void theTopReportsToNoOneAndEachManagerHasItsReportsInOrder() {
    assertThat(lines.top()).containsExactly(ADA);
    assertThat(lines.reportsTo(ADA)).containsExactly(LINUS, MARGARET);
    assertThat(lines.reportsTo(LINUS)).containsExactly(GRACE, ALAN);
    assertThat(lines.managerOf(GRACE)).contains(LINUS);
    assertThat(lines.managerOf(ADA)).isEmpty();
  }

  @Test
  void anAgentMayReportToAnyoneButItselfAndThoseBelowIt() {
    assertThat(lines.possibleManagersOf(LINUS)).containsExactly(ADA, MARGARET);
    assertThat(lines.possibleManagersOf(ADA)).isEmpty();
    assertThat(lines.possibleManagersOf(null)).isEqualTo(STARTUP);
  }
}
