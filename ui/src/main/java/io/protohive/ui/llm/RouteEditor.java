package io.protohive.ui.llm;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.llm.LlmProviders;
import io.protohive.kernel.llm.LlmProviders.AvailableProvider;
import io.protohive.kernel.llm.LlmRoutes;
import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantsConfigItems;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.ManagedBadge;
import io.protohive.ui.layout.Notices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's route as an ordered list of steps to edit: calls go to the primary, and fall back
 * down the list when a provider fails or is not enabled. Nothing changes until it is saved.
 */
final class RouteEditor extends VerticalLayout {

  private final LlmRoutes routes;
  private final LlmProviders providers;
  private final TenantsConfigItems items;
  private final Caller caller;
  private final ManagedBadge managed = new ManagedBadge();
  private final HorizontalLayout actions;
  private final VerticalLayout steps = new VerticalLayout();
  private final List<RouteStepRow> rows = new ArrayList<>();
  private Map<String, AvailableProvider> available = Map.of();

  RouteEditor(LlmRoutes routes, LlmProviders providers, TenantsConfigItems items, Caller caller) {
    this.routes = routes;
    this.providers = providers;
    this.items = items;
    this.caller = caller;
    steps.setId("route-steps");
    steps.setPadding(false);

    Button add = new Button("Add fallback", VaadinIcon.PLUS.create(), click -> addStep());
    add.setId("route-add");
    Button save = new Button("Save route", click -> save());
    save.setId("route-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    actions = new HorizontalLayout(add, save);
    managed.setId("route-managed");

    setPadding(false);
    add(
        managed,
        new Paragraph(
            "Model calls go to the primary first; when its provider fails or is not enabled they"
                + " fall back to the next step. Only providers of plugins enabled for your tenant"
                + " are offered."),
        steps,
        actions);
  }

  /** Shows the route as saved, with the providers the tenant may route to now. */
  void refresh() {
    available = ModelChoice.byId(providers.available(caller));
    rows.clear();
    routes.forTenant(caller.tenantId()).forEach(step -> rows.add(row(step)));
    if (rows.isEmpty()) {
      rows.add(row(null));
    }
    showRows();
    boolean fromFile = items.isManaged(caller.tenantId(), TenantsConfigItems.LLM_ROUTE);
    managed.setVisible(fromFile);
    steps.setEnabled(!fromFile);
    actions.setVisible(!fromFile);
  }

  private RouteStepRow row(RouteStep step) {
    return new RouteStepRow(available, step, this::move, this::remove);
  }

  private void addStep() {
    rows.add(row(null));
    showRows();
  }

  private void move(RouteStepRow row, int by) {
    int from = rows.indexOf(row);
    rows.remove(from);
    rows.add(from + by, row);
    showRows();
  }

  private void remove(RouteStepRow row) {
    rows.remove(row);
    showRows();
  }

  private void showRows() {
    steps.removeAll();
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).place(i, rows.size());
      steps.add(rows.get(i));
    }
  }

  private void save() {
    try {
      List<RouteStep> route = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        route.add(rows.get(i).step(i));
      }
      routes.replace(caller, route, ClientAddress.current());
      Notices.success("Saved the route: calls go to " + route.get(0).providerId() + " first.");
      refresh();
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, errorPlaces(), Notices::error);
    }
  }

  private Map<String, HasValidation> errorPlaces() {
    Map<String, HasValidation> places = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).addErrorPlaces(places, i);
    }
    return places;
  }
}
