package io.protohive.ui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.llm.UsageMeter.UsageRow;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageChartTest {

  @Test
  void tokensByGroupLabelsEachGroupAndScalesToItsContainer() {
    List<UsageRow> rows =
        List.of(new UsageRow("org-1", 3, 1200, 300, 0), new UsageRow("org-2", 1, 400, 100, 5_000));
    Map<String, String> names = Map.of("org-1", "Research", "org-2", "Support");

    String svg = UsageChart.tokensByGroup(rows, names::get);

    assertThat(svg)
        .startsWith("<svg")
        .containsPattern("viewBox=.0 0 800 300.")
        .contains("Research", "Support", "Prompt tokens", "Completion tokens")
        .doesNotContain("org-1");
  }

  @Test
  void callsByDayShowsEveryDayOfTheRangeIncludingThoseWithoutCalls() {
    List<UsageRow> rows = List.of(new UsageRow("2026-11-02", 7, 700, 70, 0));

    String svg =
        UsageChart.callsByDay(rows, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"));

    assertThat(svg).contains("2026-11-01", "2026-11-02", "2026-11-03", "Calls by day");
  }

  @Test
  void severalSeriesByDayAreDrawnWithALegendAndOneWithout() {
    List<LocalDate> days = List.of(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
    Map<String, List<Long>> active = new LinkedHashMap<>();
    active.put("Active people", List.of(3L, 5L));
    active.put("Active agents", List.of(1L, 2L));

    assertThat(UsageChart.byDay("Active by day", days, active))
        .contains("Active by day", "Active people", "Active agents", "2026-11-02");
    assertThat(UsageChart.byDay("Tokens by day", days, Map.of("Tokens", List.of(10L, 20L))))
        .contains("Tokens by day")
        .doesNotContain(">Tokens<");
  }
}
