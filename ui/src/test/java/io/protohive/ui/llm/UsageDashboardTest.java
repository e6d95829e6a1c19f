package io.protohive.ui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.UsageMeter;
import io.protohive.kernel.llm.UsageMeter.GroupBy;
import io.protohive.kernel.llm.UsageMeter.UsageRow;
import io.protohive.kernel.organization.OrganizationService;
import io.protohive.ui.ComponentTree;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UsageDashboardTest {

  private static final Caller ADMIN = new Caller(UUID.randomUUID(), UUID.randomUUID());

  private final List<GroupBy> asked = new ArrayList<>();
  private final UsageMeter meter =
      new UsageMeter() {
        @Override
        public List<UsageRow> usage(Caller caller, Instant from, Instant to, GroupBy groupBy) {
          asked.add(groupBy);
          return List.of(new UsageRow(LocalDate.now().toString(), 2, 100, 20, 0));
        }
      };
  private final UsageDashboard dashboard =
      new UsageDashboard(meter, ADMIN, new OrganizationNames(new OrganizationService()));

  @Test
  void byDayChartsTokensAndCalls() {
    dashboard.refresh();

    assertThat(asked).containsExactly(GroupBy.DAY);
    assertThat(ComponentTree.<Grid<?>>byId(dashboard, "usage-grid").getGenericDataView().getItems())
        .hasSize(1);
    assertThat(ComponentTree.byId(dashboard, "usage-chart").getChildren())
        .hasSize(2)
        .allMatch(Svg.class::isInstance);
  }

  @Test
  void aRangeEndingBeforeItStartsIsRefusedOnTheFirstDay() {
    DatePicker from = ComponentTree.byId(dashboard, "usage-from");
    ComponentTree.<DatePicker>byId(dashboard, "usage-to").setValue(LocalDate.of(2020, 1, 1));

    assertThat(from.isInvalid()).isTrue();
    assertThat(asked).isEmpty();
  }
}
