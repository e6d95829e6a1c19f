package io.protohive.ui.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.llm.LlmRoutes;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.plugin.api.llm.ModelInfo;
import io.protohive.plugin.api.llm.ModelInfo.Kind;
import io.protohive.ui.ComponentTree;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RouteEditorTest {

  private static final Caller ADMIN = new Caller(UUID.randomUUID(), UUID.randomUUID());

  @Test
  void showsTheSavedRouteWithThePrimaryFirstAndTheOfflineProviderLabelled() {
    RouteEditor editor =
        editor(List.of(new RouteStep("openai", "gpt-custom"), new RouteStep("scripted", "s-1")));

    assertThat(labels(editor)).containsExactly("Primary", "Fallback 1");
    assertThat(comboBox(editor, "route-provider-0").getValue()).isEqualTo("openai");
    assertThat(comboBox(editor, "route-model-0").getValue()).isEqualTo("gpt-custom");
    assertThat(visibleBadges(editor)).containsExactly("offline demo, not a real model");
  }

  @Test
  void movingAStepRenumbersTheRows() {
    RouteEditor editor =
        editor(List.of(new RouteStep("openai", "gpt-4o"), new RouteStep("scripted", "s-1")));

    button(editor, 1, "Move up").click();

    assertThat(comboBox(editor, "route-provider-0").getValue()).isEqualTo("scripted");
    assertThat(comboBox(editor, "route-provider-1").getValue()).isEqualTo("openai");
  }

  @Test
  void choosingAProviderOffersItsChatModelsOnly() {
    RouteEditor editor = editor(List.of());
    ComboBox<String> provider = comboBox(editor, "route-provider-0");

    provider.setValue("openai");

    assertThat(comboBox(editor, "route-model-0").getValue()).isEqualTo("gpt-4o");
  }

  @Test
  void aRouteTheTenantsFileManagesIsShownReadOnlyWithItsBadge() {
    RouteEditor editor = editor(List.of(new RouteStep("scripted", "s-1")), true);

    assertThat(ComponentTree.<Span>byId(editor, "route-managed").isVisible()).isTrue();
    assertThat(comboBox(editor, "route-provider-0").isEnabled()).isFalse();
    assertThat(
            ComponentTree.<Button>byId(editor, "route-save").getParent().orElseThrow().isVisible())
        .isFalse();
  }

  @Test
  void aRouteOfTheAdminsHasNoBadge() {
    RouteEditor editor = editor(List.of(new RouteStep("scripted", "s-1")));

    assertThat(ComponentTree.<Span>byId(editor, "route-managed").isVisible()).isFalse();
    assertThat(comboBox(editor, "route-provider-0").isEnabled()).isTrue();
  }

  private static RouteEditor editor(List<RouteStep> saved) {
    return editor(saved, false);
  }

  private static RouteEditor editor(List<RouteStep> saved, boolean managed) {
    LlmRoutes routes =
        new LlmRoutes() {
          @Override
          public List<RouteStep> forTenant(UUID tenantId) {
            return saved;
          }
        };
    LlmProviders providers =
        new LlmProviders() {
          @Override
          public List<AvailableProvider> available(Caller caller) {
            return List.of(
                new AvailableProvider(
                    "openai",
                    "OpenAI",
                    "openai-plugin",
                    List.of(
                        new ModelInfo("text-embedding-3", Kind.EMBEDDING, 0),
                        new ModelInfo("gpt-4o", Kind.CHAT, 128_000))),
                new AvailableProvider(
                    "scripted",
                    "Scripted",
                    "scripted-plugin",
                    List.of(new ModelInfo("s-1", Kind.CHAT, 0))));
          }
        };
    TenantsConfigItems items =
        new TenantsConfigItems() {
          @Override
          public boolean isManaged(UUID tenantId, String item) {
            return managed && item.equals(TenantsConfigItems.LLM_ROUTE);
          }
        };
    RouteEditor editor = new RouteEditor(routes, providers, items, ADMIN);
    editor.refresh();
    return editor;
  }

  private static Stream<RouteStepRow> rows(RouteEditor editor) {
    return ComponentTree.descendants(editor)
        .filter(RouteStepRow.class::isInstance)
        .map(RouteStepRow.class::cast);
  }

  private static List<String> labels(RouteEditor editor) {
    return rows(editor).map(row -> ((Span) row.getComponentAt(0)).getText()).toList();
  }

  private static List<String> visibleBadges(RouteEditor editor) {
    return rows(editor)
        .map(row -> (Span) row.getComponentAt(3))
        .filter(Component::isVisible)
        .map(Span::getText)
        .toList();
  }

  private static ComboBox<String> comboBox(RouteEditor editor, String id) {
    return ComponentTree.byId(editor, id);
  }

  private static Button button(RouteEditor editor, int row, String label) {
    return ComponentTree.descendants(rows(editor).toList().get(row))
        .filter(Button.class::isInstance)
        .map(Button.class::cast)
        .filter(b -> label.equals(b.getAriaLabel().orElse(null)))
        .findFirst()
        .orElseThrow();
  }
}
