package io.protohive.ui.llm;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.platform.Rejection;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One step of the route being edited: a provider, and one of its chat models or a model name typed
 * in, for models a provider does not list. A saved step whose provider is no longer enabled stays
 * shown as it is, so that the admin sees why calls fall through it.
 */
final class RouteStepRow extends HorizontalLayout {

  /** The provider that answers by rules, for demos without a model: never to be taken for one. */
  static final String OFFLINE_PROVIDER = "scripted";

  private final Span position = new Span();
  private final ComboBox<String> provider;
  private final ComboBox<String> model;
  private final Span offline = new Span("offline demo, not a real model");
  private final Button up = new Button(VaadinIcon.ARROW_UP.create());
  private final Button down = new Button(VaadinIcon.ARROW_DOWN.create());
  private final Button remove = new Button(VaadinIcon.TRASH.create());

  /**
   * @param providers the providers the tenant may route to, by id
   * @param step the step to show, or {@code null} for a new one
   * @param move moves a row one place up (-1) or down (+1)
   * @param removal takes a row out of the route
   */
  RouteStepRow(
      Map<String, AvailableProvider> providers,
      RouteStep step,
      BiConsumer<RouteStepRow, Integer> move,
      Consumer<RouteStepRow> removal) {
    position.setWidth("7em");
    position.addClassNames(LumoUtility.FontWeight.SEMIBOLD);

    ModelChoice choice =
        step == null
            ? new ModelChoice(providers, null, null)
            : new ModelChoice(providers, step.providerId(), step.model());
    provider = choice.provider();
    provider.setWidth("20em");
    provider.addValueChangeListener(change -> showWhetherOffline());
    model = choice.model();

    offline.addClassNames(
        LumoUtility.Background.WARNING_10,
        LumoUtility.TextColor.WARNING,
        LumoUtility.FontSize.SMALL,
        LumoUtility.Padding.Horizontal.SMALL,
        LumoUtility.BorderRadius.MEDIUM);

    up.addClickListener(click -> move.accept(this, -1));
    down.addClickListener(click -> move.accept(this, 1));
    remove.addClickListener(click -> removal.accept(this));
    up.setAriaLabel("Move up");
    down.setAriaLabel("Move down");
    remove.setAriaLabel("Remove step");
    Stream.of(up, down, remove)
        .forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON));
    remove.addThemeVariants(ButtonVariant.LUMO_ERROR);

    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(position, provider, model, offline, up, down, remove);
    showWhetherOffline();
  }

  /** Labels the row by its place in the route: the primary first, then the fallbacks in order. */
  void place(int index, int steps) {
    position.setText(index == 0 ? "Primary" : "Fallback " + index);
    provider.setId("route-provider-" + index);
    model.setId("route-model-" + index);
    up.setEnabled(index > 0);
    down.setEnabled(index < steps - 1);
    remove.setEnabled(steps > 1);
  }

  /**
   * @throws Rejection when no provider is chosen
   */
  RouteStep step(int index) {
    if (provider.isEmpty()) {
      throw Rejection.invalid(providerField(index), "Choose a provider.");
    }
    return new RouteStep(provider.getValue(), model.getValue());
  }

  /** Adds this row's fields under the names the platform gives them when it refuses a route. */
  void addErrorPlaces(Map<String, HasValidation> places, int index) {
    places.put(providerField(index), provider);
    places.put("steps[" + index + "].model", model);
  }

  private static String providerField(int index) {
    return "steps[" + index + "].providerId";
  }

  private void showWhetherOffline() {
    offline.setVisible(OFFLINE_PROVIDER.equals(provider.getValue()));
  }
}
