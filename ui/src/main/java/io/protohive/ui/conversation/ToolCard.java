package io.protohive.ui.conversation;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;

/**
 * A tool an agent called during its turn, folded by default: its name and how it ended in the
 * summary, what the agent passed and what the tool answered inside, for whoever wants to check.
 */
final class ToolCard extends Details {

  private final String tool;
  private final Span summary = new Span();

  /**
   * @param eventId the id of the {@code tool.call} event, which names the card
   * @param tool the name the model used, its dots replaced by underscores
   */
  ToolCard(long eventId, String tool, String arguments) {
    this.tool = tool;
    setId("tool-" + eventId);
    summary.setText("Tool " + tool + " · running");
    setSummary(summary);
    addThemeVariants(DetailsVariant.SMALL, DetailsVariant.FILLED);
    add(block("Arguments", arguments));
  }

  /**
   * @param status {@code OK}, or why the host or the tool refused
   */
  void showResult(String status, String content) {
    boolean ok = "OK".equals(status);
    summary.setText(
        "Tool "
            + tool
            + " · "
            + (ok ? "answered" : status.toLowerCase(Locale.ROOT).replace('_', ' ')));
    if (!ok) {
      summary.addClassNames(LumoUtility.TextColor.ERROR);
    }
    add(block("Result", content));
  }

  private static Pre block(String label, String text) {
    Pre block = new Pre(label + ": " + text);
    block.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Margin.NONE);
    block.getStyle().set("white-space", "pre-wrap");
    return block;
  }
}
