package io.protohive.ui.organization;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The tools an agent is given, chosen by where they come from. A tool the agent has that the tenant
 * no longer offers stays in a group of its own, so that saving keeps it.
 */
final class ToolChoice extends CustomField<Set<String>> {

  /** The key of the group of tools the tenant no longer offers. */
  static final String GONE = "gone";

  private final Map<String, ToolGroup.Option> options = new LinkedHashMap<>();
  private final List<CheckboxGroup<String>> boxes = new ArrayList<>();

  /**
   * @param kept the tools the agent has now
   */
  ToolChoice(List<ToolGroup> offered, Collection<String> kept) {
    super(Set.of());
    setLabel("Tools");
    setId("agent-tools");
    setWidthFull();
    offered.forEach(group -> group.tools().forEach(tool -> options.put(tool.id(), tool)));
    List<ToolGroup> groups = new ArrayList<>(offered);
    List<ToolGroup.Option> gone =
        kept.stream()
            .filter(id -> !options.containsKey(id))
            .distinct()
            .map(id -> new ToolGroup.Option(id, id, "Not offered to your tenant now", false))
            .toList();
    if (!gone.isEmpty()) {
      gone.forEach(tool -> options.put(tool.id(), tool));
      groups.add(
          new ToolGroup(
              GONE, "No longer offered", "Saving keeps them; clear them to take them away.", gone));
    }

    VerticalLayout layout = new VerticalLayout();
    layout.setPadding(false);
    layout.setSpacing(false);
    groups.forEach(group -> layout.add(box(group)));
    if (groups.isEmpty()) {
      layout.add(new Paragraph("Your tenant offers no tools: its admins enable plugins for them."));
    }
    add(layout);
  }

  @Override
  protected Set<String> generateModelValue() {
    Set<String> chosen = new TreeSet<>();
    boxes.forEach(box -> chosen.addAll(box.getValue()));
    return chosen;
  }

  @Override
  protected void setPresentationValue(Set<String> chosen) {
    boxes.forEach(
        box ->
            box.setValue(
                box.getListDataView()
                    .getItems()
                    .filter(chosen::contains)
                    .collect(Collectors.toSet())));
  }

  private CheckboxGroup<String> box(ToolGroup group) {
    CheckboxGroup<String> box = new CheckboxGroup<>(group.title());
    box.setId("agent-tools-" + group.key());
    box.setHelperText(group.about());
    box.setItems(group.tools().stream().map(ToolGroup.Option::id).toList());
    box.setRenderer(new ComponentRenderer<>(id -> item(options.get(id))));
    box.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
    box.addValueChangeListener(change -> updateValue());
    boxes.add(box);
    return box;
  }

  private static Div item(ToolGroup.Option tool) {
    Span title = new Span(tool.name() + " · " + tool.id());
    title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Span about = new Span(tool.description());
    about.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
    Div item = new Div(title, about);
    if (tool.waits()) {
      Span waits = new Span("Waits for approval in task work");
      waits.getElement().getThemeList().add("badge contrast small");
      item.add(waits);
    }
    item.getStyle().set("display", "flex").set("flex-direction", "column");
    return item;
  }
}
