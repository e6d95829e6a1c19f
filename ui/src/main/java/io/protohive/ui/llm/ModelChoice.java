package io.protohive.ui.llm;

import com.vaadin.flow.component.combobox.ComboBox;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.plugin.api.llm.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A provider and one of its chat models, as two linked fields wherever a model is chosen: choosing
 * a provider offers its chat models, and a model the provider does not list can be typed in. A
 * saved provider that is no longer enabled stays shown, labelled so, so that the person sees why
 * calls do not reach it.
 */
public final class ModelChoice {

  private final Map<String, AvailableProvider> providers;
  private final ComboBox<String> provider = new ComboBox<>("Provider");
  private final ComboBox<String> model = new ComboBox<>("Model");
  private List<String> models = List.of();

  /**
   * @param providers the providers the tenant may use, by id, as {@link #byId} gives them
   * @param providerId the provider chosen so far, or {@code null}
   * @param modelName the model chosen so far, or {@code null}
   */
  public ModelChoice(
      Map<String, AvailableProvider> providers, String providerId, String modelName) {
    this.providers = providers;
    provider.setItems(
        Stream.concat(providers.keySet().stream(), Stream.ofNullable(providerId))
            .distinct()
            .toList());
    provider.setItemLabelGenerator(this::providerLabel);
    provider.setValue(providerId);
    provider.addValueChangeListener(change -> offerModelsOf(change.getValue()));

    model.setAllowCustomValue(true);
    model.setHelperText("Pick a listed model or type another name");
    model.addCustomValueSetListener(typed -> offer(typed.getDetail()));
    offerModelsOf(providerId);
    if (modelName != null) {
      offer(modelName);
    }
  }

  /** The providers by id, in the order the platform lists them. */
  public static Map<String, AvailableProvider> byId(List<AvailableProvider> available) {
    return available.stream()
        .collect(
            Collectors.toMap(
                AvailableProvider::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  public ComboBox<String> provider() {
    return provider;
  }

  public ComboBox<String> model() {
    return model;
  }

  private String providerLabel(String id) {
    AvailableProvider available = providers.get(id);
    return available == null ? id + " (not enabled)" : available.name();
  }

  /** Offers the provider's chat models, keeping the chosen one if listed, else its first. */
  private void offerModelsOf(String providerId) {
    AvailableProvider available = providerId == null ? null : providers.get(providerId);
    String current = model.getValue();
    models =
        available == null
            ? List.of()
            : available.models().stream()
                .filter(m -> m.kind() == ModelInfo.Kind.CHAT)
                .map(ModelInfo::id)
                .toList();
    model.setItems(models);
    if (current != null && models.contains(current)) {
      model.setValue(current);
    } else {
      model.setValue(models.isEmpty() ? null : models.get(0));
    }
  }

  /** Shows a model among the choices, also one the provider does not list, and chooses it. */
  private void offer(String name) {
    if (!models.contains(name)) {
      List<String> more = new ArrayList<>(models);
      more.add(name);
      models = List.copyOf(more);
      model.setItems(models);
    }
    model.setValue(name);
  }
}
