package io.protohive.ui.organization;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.memory.AgentMemory;
import io.protohive.kernel.memory.MemoryHit;
import io.protohive.kernel.organization.AgentView;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.List;
import java.util.Map;

/**
 * Searches what an agent remembers from its conversations, by meaning rather than by exact words:
 * its closest memories come first, each with how close it is.
 */
final class MemorySearchDialog extends Dialog {

  private final AgentMemory memory;
  private final Caller caller;
  private final AgentView agent;
  private final TextField query = new TextField();
  private final Div hits = new Div();

  MemorySearchDialog(AgentMemory memory, Caller caller, AgentView agent) {
    this.memory = memory;
    this.caller = caller;
    this.agent = agent;
    setHeaderTitle("Memory of " + agent.name());
    setWidth("40em");
    setMaxHeight("90vh");

    query.setId("memory-query");
    query.setPlaceholder("What " + agent.name() + " might remember");
    query.setAriaLabel("Search the memory of " + agent.name());
    query.setMaxLength(500);
    query.setWidthFull();
    Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> search());
    search.setId("memory-search");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    search.addClickShortcut(Key.ENTER).listenOn(query);
    HorizontalLayout searchBar = new HorizontalLayout(query, search);
    searchBar.setWidthFull();
    searchBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    hits.setId("memory-hits");
    hits.getStyle()
        .set("display", "flex")
        .set("flex-direction", "column")
        .set("gap", "var(--lumo-space-s)")
        .set("margin-top", "var(--lumo-space-m)");
    add(searchBar, hits);
    getFooter().add(new Button("Close", click -> close()));
  }

  private void search() {
    try {
      List<MemoryHit> found = memory.search(caller, agent.id(), query.getValue());
      query.setInvalid(false);
      hits.removeAll();
      if (found.isEmpty()) {
        hits.add(new Paragraph(agent.name() + " remembers nothing yet."));
      }
      found.forEach(hit -> hits.add(hit(hit)));
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, Map.of("q", query), Notices::error);
    }
  }

  private static Div hit(MemoryHit hit) {
    Div content = new Div();
    content.setText(hit.content());
    content.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    Span closeness = new Span(Math.round(hit.score() * 100) + " %");
    closeness.getElement().setAttribute("theme", "badge contrast small");
    closeness.getElement().setAttribute("title", "How close in meaning to what you searched");
    Span when = new Span("Remembered " + Dates.format(hit.createdAt()));
    Div about = new Div(closeness, when);
    about.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    about
        .getStyle()
        .set("display", "flex")
        .set("align-items", "center")
        .set("gap", "var(--lumo-space-s)");
    Div item = new Div(content, about);
    item.addClassNames("memory-hit", LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM);
    item.getStyle().set("background", "var(--lumo-contrast-5pct)");
    return item;
  }
}
