package io.protohive.ui.organization;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.protohive.kernel.organization.AgentView;
import java.util.List;
import java.util.function.Function;

/**
 * The org chart, drawn top-down from nested layouts on the server: each agent over the agents
 * reporting to it, joined by lines. Drawn from plain components so that it needs no frontend build,
 * and so that every card stays a live component with its own buttons.
 */
final class OrgChart extends Div {

  private static final String LINE = "2px solid var(--lumo-contrast-30pct)";
  private static final String GAP = "var(--lumo-space-l)";

  OrgChart() {
    setId("agents");
    setWidthFull();
    // a wide organization scrolls sideways rather than squeezing its cards
    getStyle().set("overflow-x", "auto").set("padding-bottom", "var(--lumo-space-m)");
  }

  /**
   * Draws the chart anew.
   *
   * @param card the card of one agent
   */
  void show(ReportingLines lines, Function<AgentView, Component> card) {
    removeAll();
    if (lines.isEmpty()) {
      add(new Paragraph("No agents yet."));
      return;
    }
    // agents at the top share no manager, so no line joins them
    Div top = row();
    top.getStyle().set("gap", GAP);
    lines.top().forEach(agent -> top.add(subtree(agent, lines, card)));
    add(top);
  }

  private static Div subtree(
      AgentView agent, ReportingLines lines, Function<AgentView, Component> card) {
    Div subtree = new Div();
    subtree
        .getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("align-items", "center");
    Div place = new Div(card.apply(agent));
    place.getStyle().set("padding", "0 var(--lumo-space-s)");
    subtree.add(place);

    List<AgentView> reports = lines.reportsTo(agent);
    if (!reports.isEmpty()) {
      Div stem = new Div();
      stem.getStyle().set("width", "0").set("height", GAP).set("border-left", LINE);
      Div row = row();
      for (int i = 0; i < reports.size(); i++) {
        Div report = subtree(reports.get(i), lines, card);
        report.addComponentAsFirst(connector(i > 0, i < reports.size() - 1));
        row.add(report);
      }
      subtree.add(stem, row);
    }
    return subtree;
  }

  private static Div row() {
    Div row = new Div();
    row.getStyle().set("display", "flex").set("align-items", "flex-start");
    return row;
  }

  /**
   * The line from the row above into an agent's card: down from the line along the row, which
   * reaches to the neighbours on either side there are.
   */
  private static Div connector(boolean leftNeighbour, boolean rightNeighbour) {
    Div left = new Div();
    left.getStyle().set("flex", "1").set("border-right", LINE);
    Div right = new Div();
    right.getStyle().set("flex", "1");
    if (leftNeighbour) {
      left.getStyle().set("border-top", LINE);
    }
    if (rightNeighbour) {
      right.getStyle().set("border-top", LINE);
    }
    Div connector = new Div(left, right);
    connector.getStyle().set("display", "flex").set("align-self", "stretch").set("height", GAP);
    return connector;
  }
}
