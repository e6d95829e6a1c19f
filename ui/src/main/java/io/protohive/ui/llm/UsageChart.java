package io.protohive.ui.llm;

import io.protohive.kernel.llm.UsageMeter.UsageRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws usage as SVG on the server, so the charts need nothing built for the browser. The SVG has a
 * view box and no fixed size: it takes the width of whatever holds it.
 */
public final class UsageChart {

  private static final int WIDTH = 800;
  private static final int HEIGHT = 300;

  /** Past this many groups the labels under the bars are slanted so that they do not overlap. */
  private static final int UPRIGHT_LABELS_MAX = 8;

  private static final Color PROMPT = new Color(0x1676f3);
  private static final Color COMPLETION = new Color(0x8ab8f7);
  private static final Color SECOND = new Color(0xe8710a);
  private static final Color GRID = new Color(0xdde3ea);

  static {
    // the workaround draws slanted labels as glyph outlines, which makes the SVG many times larger
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private UsageChart() {}

  /**
   * Prompt and completion tokens per group, stacked.
   *
   * @param label how a group's key reads, e.g. an organization's name for its id
   */
  static String tokensByGroup(List<UsageRow> rows, Function<String, String> label) {
    DefaultCategoryDataset tokens = new DefaultCategoryDataset();
    for (UsageRow row : rows) {
      Group group = new Group(row.key(), label.apply(row.key()));
      tokens.addValue(row.promptTokens(), "Prompt tokens", group);
      tokens.addValue(row.completionTokens(), "Completion tokens", group);
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Tokens", null, null, tokens, PlotOrientation.VERTICAL, true, false, false);
    BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, PROMPT);
    bars.setSeriesPaint(1, COMPLETION);
    return svg(chart, rows.size());
  }

  /**
   * Calls per day over a range of days, days without calls included.
   *
   * @param rows usage grouped by day, keyed by ISO dates
   */
  static String callsByDay(List<UsageRow> rows, LocalDate from, LocalDate to) {
    Map<String, Long> calls =
        rows.stream().collect(Collectors.toMap(UsageRow::key, UsageRow::calls, Long::sum));
    List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
    return byDay(
        "Calls by day",
        days,
        Map.of("Calls", days.stream().map(day -> calls.getOrDefault(day.toString(), 0L)).toList()));
  }

  /**
   * Lines of counts over days, one a series, with a legend when there are several.
   *
   * @param series each series' name and its count on each of the days, in their order
   */
  public static String byDay(String title, List<LocalDate> days, Map<String, List<Long>> series) {
    DefaultCategoryDataset daily = new DefaultCategoryDataset();
    series.forEach(
        (name, counts) -> {
          for (int i = 0; i < days.size(); i++) {
            daily.addValue(counts.get(i), name, days.get(i).toString());
          }
        });
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, null, null, daily, PlotOrientation.VERTICAL, series.size() > 1, false, false);
    CategoryItemRenderer line = chart.getCategoryPlot().getRenderer();
    line.setSeriesPaint(0, PROMPT);
    line.setSeriesPaint(1, SECOND);
    for (int i = 0; i < series.size(); i++) {
      line.setSeriesStroke(i, new BasicStroke(2));
    }
    return svg(chart, days.size());
  }

  private static String svg(JFreeChart chart, int groups) {
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CategoryAxis groupAxis = plot.getDomainAxis();
    groupAxis.setTickMarksVisible(false);
    if (groups > UPRIGHT_LABELS_MAX) {
      groupAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
    graphics.setGeomDoubleConverter(UsageChart::tenths);
    chart.draw(graphics, new Rectangle(WIDTH, HEIGHT));
    return graphics.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
  }

  /** A coordinate to a tenth of a pixel: finer is invisible, and would double the SVG's size. */
  private static String tenths(double coordinate) {
    long tenths = Math.round(coordinate * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
  }

  /** A bar's group: told apart by its key, since two organizations may share a name. */
  private record Group(String key, String label) implements Comparable<Group> {

    @Override
    public int compareTo(Group other) {
      return key.compareTo(other.key);
    }

    @Override
    public String toString() {
      return label;
    }
  }
}
