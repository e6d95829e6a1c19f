package io.protohive.ui.platform;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.system.ActivityDay;
import io.protohive.kernel.system.Analytics;
import io.protohive.kernel.system.PlatformAnalytics;
import io.protohive.kernel.system.TenantActivity;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.kernel.tenancy.TenantSummary;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.llm.Amounts;
import io.protohive.ui.llm.UsageChart;
import io.protohive.ui.signin.PlatformAdminOnly;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Usage, active people and active agents per tenant over time, drawn on the server; platform admins
 * only.
 */
@Route(value = "platform/analytics", layout = MainLayout.class)
@PageTitle("Analytics · ProtoHive")
public class AnalyticsView extends VerticalLayout implements PlatformAdminOnly {

  /** Past this many days a line chart is unreadable; the table still sums them. */
  private static final int CHARTED_DAYS_MAX = 93;

  private final PlatformAnalytics analytics;
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");
  private final ComboBox<TenantSummary> tenant = new ComboBox<>("Tenant");
  private final Div charts = new Div();
  private final Grid<TenantActivity> tenants = new Grid<>(TenantActivity.class, false);

  @Inject
  public AnalyticsView(PlatformAnalytics analytics, TenantDirectory directory) {
    this.analytics = analytics;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    from.setId("analytics-from");
    from.setValue(today.minusDays(29));
    to.setId("analytics-to");
    to.setValue(today);
    tenant.setId("analytics-tenant");
    tenant.setPlaceholder("All tenants");
    tenant.setClearButtonVisible(true);
    tenant.setItems(directory.summaries());
    tenant.setItemLabelGenerator(t -> t.name() + " (" + t.slug() + ")");
    from.addValueChangeListener(change -> refresh());
    to.addValueChangeListener(change -> refresh());
    tenant.addValueChangeListener(change -> refresh());

    charts.setId("analytics-charts");
    charts.setWidthFull();
    tenants.setId("analytics-tenants");
    tenants.addColumn(t -> t.name() + " (" + t.slug() + ")").setHeader("Tenant").setFlexGrow(2);
    tenants.addColumn(t -> Amounts.count(t.activePeople())).setHeader("Active people");
    tenants.addColumn(t -> Amounts.count(t.activeAgents())).setHeader("Active agents");
    tenants.addColumn(t -> Amounts.count(t.modelCalls())).setHeader("Model calls");
    tenants.addColumn(t -> Amounts.count(t.tokens())).setHeader("Tokens");
    tenants.addColumn(t -> Amounts.currency(t.costMicros())).setHeader("Cost (currency units)");
    tenants.setAllRowsVisible(true);

    HorizontalLayout range = new HorizontalLayout(from, to, tenant);
    range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(
        new H2("Analytics"),
        new Paragraph(
            "Days are UTC. Active are the people and service accounts that signed in, wrote a"
                + " message or called the API, and the agents that called a model; a tenant's"
                + " retention bounds how far back its figures reach."),
        range,
        charts,
        tenants);
    refresh();
  }

  private void refresh() {
    Caller admin = SignedInPlatformAdmin.current().orElse(null);
    if (admin == null) {
      return;
    }
    Analytics shown;
    try {
      shown =
          analytics.activity(
              admin,
              from.getValue(),
              to.getValue(),
              tenant.getValue() == null ? null : tenant.getValue().id());
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("from", from, "to", to), Notices::error);
      return;
    }
    from.setInvalid(false);
    to.setInvalid(false);
    tenants.setItems(shown.tenants());
    charts.removeAll();
    List<ActivityDay> days = shown.days();
    if (days.size() > CHARTED_DAYS_MAX) {
      charts.add(new Paragraph("Too many days to chart; choose at most " + CHARTED_DAYS_MAX + "."));
      return;
    }
    List<LocalDate> dates = days.stream().map(ActivityDay::day).toList();
    Map<String, List<Long>> active = new LinkedHashMap<>();
    active.put("Active people", series(days, ActivityDay::activePeople));
    active.put("Active agents", series(days, ActivityDay::activeAgents));
    charts.add(new Svg(UsageChart.byDay("Active by day", dates, active)));
    charts.add(
        new Svg(
            UsageChart.byDay(
                "Tokens by day", dates, Map.of("Tokens", series(days, ActivityDay::tokens)))));
  }

  private static List<Long> series(List<ActivityDay> days, ToLongFunction<ActivityDay> count) {
    return days.stream().map(day -> count.applyAsLong(day)).toList();
  }
}
