package io.protohive.ui.llm;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.UsageMeter;
import io.protohive.kernel.llm.UsageMeter.GroupBy;
import io.protohive.kernel.llm.UsageMeter.UsageRow;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the tenant's model calls used over a range of days (UTC, both days included), grouped by
 * day, organization, agent or model, as a table and as charts.
 */
final class UsageDashboard extends VerticalLayout {

  /** The kernel's key for calls made outside any organization or agent. */
  private static final String NONE = "none";

  /** Past this many bars or days a chart is unreadable, and too large to send. */
  private static final int CHARTED_GROUPS_MAX = 62;

  private final UsageMeter meter;
  private final Caller caller;
  private final OrganizationNames organizations;
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final Select<GroupBy> group = new Select<>();
  private final Grid<UsageRow> grid = new Grid<>(UsageRow.class, false);
  private final Grid.Column<UsageRow> groupColumn;
  private final Div chart = new Div();

  UsageDashboard(UsageMeter meter, Caller caller, OrganizationNames organizations) {
    this.meter = meter;
    this.caller = caller;
    this.organizations = organizations;

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    from.setId("usage-from");
    from.setValue(today.withDayOfMonth(1));
    to.setId("usage-to");
    to.setValue(today);
    group.setId("usage-group");
    group.setLabel("Group by");
    group.setItems(GroupBy.values());
    group.setItemLabelGenerator(g -> g.name().toLowerCase(Locale.ROOT));
    group.setValue(GroupBy.DAY);
    from.addValueChangeListener(change -> refresh());
    to.addValueChangeListener(change -> refresh());
    group.addValueChangeListener(change -> refresh());

    grid.setId("usage-grid");
    groupColumn = grid.addColumn(row -> label(row.key())).setFlexGrow(2);
    grid.addColumn(row -> Amounts.count(row.calls())).setHeader("Calls");
    grid.addColumn(row -> Amounts.count(row.promptTokens())).setHeader("Prompt tokens");
    grid.addColumn(row -> Amounts.count(row.completionTokens())).setHeader("Completion tokens");
    grid.addColumn(row -> Amounts.count(row.promptTokens() + row.completionTokens()))
        .setHeader("Total tokens");
    grid.addColumn(row -> Amounts.currency(row.costMicros())).setHeader("Cost (currency units)");
    grid.setAllRowsVisible(true);
    chart.setId("usage-chart");
    chart.setWidthFull();

    HorizontalLayout range = new HorizontalLayout(from, to, group);
    range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    setPadding(false);
    add(range, chart, grid);
  }

  /** Reads the usage of the chosen days again and shows it. */
  void refresh() {
    List<UsageRow> rows;
    try {
      rows = meter.usage(caller, start(), end(), group.getValue());
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("from", from), Notices::error);
      return;
    }
    from.setInvalid(false);
    groupColumn.setHeader(group.getItemLabelGenerator().apply(group.getValue()));
    grid.setItems(rows);
    showCharts(rows);
  }

  private void showCharts(List<UsageRow> rows) {
    chart.removeAll();
    boolean byDay = group.getValue() == GroupBy.DAY;
    long groups = byDay ? ChronoUnit.DAYS.between(from.getValue(), to.getValue()) + 1 : rows.size();
    if (rows.isEmpty()) {
      chart.add(new Paragraph("No model calls on these days."));
    } else if (groups > CHARTED_GROUPS_MAX) {
      chart.add(
          new Paragraph(
              byDay
                  ? "Too many days to chart; choose at most " + CHARTED_GROUPS_MAX + "."
                  : "Too many groups to chart; the table lists them all."));
    } else {
      chart.add(new Svg(UsageChart.tokensByGroup(rows, this::label)));
      if (byDay) {
        chart.add(new Svg(UsageChart.callsByDay(rows, from.getValue(), to.getValue())));
      }
    }
  }

  /**
   * The first instant of the range.
   *
   * @throws Rejection when a day is missing or the first is after the last
   */
  private Instant start() {
    if (from.isEmpty() || to.isEmpty() || from.getValue().isAfter(to.getValue())) {
      throw Rejection.invalid("from", "Choose a first day on or before the last day.");
    }
    return from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The instant after the range: its last day is included. */
  private Instant end() {
    return to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private String label(String key) {
    return switch (group.getValue()) {
      case ORGANIZATION -> NONE.equals(key) ? "No organization" : organizations.label(key);
      case AGENT -> NONE.equals(key) ? "No agent" : key;
      case DAY, MODEL -> key;
    };
  }
}
