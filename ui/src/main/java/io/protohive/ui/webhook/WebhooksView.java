package io.protohive.ui.webhook;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.webhook.DeliveryView;
import io.protohive.kernel.webhook.WebhookDraft;
import io.protohive.kernel.webhook.WebhookSecret;
import io.protohive.kernel.webhook.WebhookView;
import io.protohive.kernel.webhook.Webhooks;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An organization's outbound webhooks, for its admins: subscriptions, the secret shown once, and
 * the selected subscription's delivery log with redelivery.
 */
@Route(
    value = "organizations/:" + WebhooksView.ORGANIZATION_ID + "/webhooks",
    layout = MainLayout.class)
@PageTitle("Webhooks · ProtoHive")
public class WebhooksView extends VerticalLayout implements SignedInOnly {

  public static final String ORGANIZATION_ID = "organizationId";

  private final Webhooks webhooks;
  private final Grid<WebhookView> subscriptions = new Grid<>(WebhookView.class, false);
  private final Grid<DeliveryView> deliveries = new Grid<>(DeliveryView.class, false);
  private final HorizontalLayout log = new HorizontalLayout();
  private final Paragraph secret = new Paragraph();
  private UUID organizationId;
  private WebhookView selected;

  @Inject
  public WebhooksView(Webhooks webhooks) {
    this.webhooks = webhooks;
    TextField url = new TextField("Target URL");
    url.setId("webhook-url");
    url.setWidth("28em");
    TextField description = new TextField("Description");
    description.setId("webhook-description");
    CheckboxGroup<String> events = new CheckboxGroup<>("Events");
    events.setId("webhook-events");
    events.setItems(Webhooks.EVENT_TYPES);
    Button add = new Button("Add webhook");
    add.setId("webhook-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add.addClickListener(
        click ->
            act(
                () -> {
                  WebhookSecret created =
                      webhooks.create(
                          caller(),
                          organizationId,
                          new WebhookDraft(
                              url.getValue(),
                              description.getValue(),
                              List.copyOf(events.getValue()),
                              true));
                  showSecret(created);
                  url.clear();
                  description.clear();
                  events.clear();
                }));
    HorizontalLayout form = new HorizontalLayout(url, description, events, add);
    form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    secret.setId("webhook-secret");

    subscriptions.setId("webhooks");
    subscriptions.addColumn(WebhookView::url).setHeader("URL").setFlexGrow(2);
    subscriptions.addColumn(WebhookView::description).setHeader("Description");
    subscriptions
        .addColumn(w -> String.join(", ", w.eventTypes()))
        .setHeader("Events")
        .setFlexGrow(2);
    subscriptions.addColumn(w -> w.enabled() ? "on" : "paused").setHeader("State");
    subscriptions.addComponentColumn(this::actions).setHeader("");
    subscriptions.setAllRowsVisible(true);
    subscriptions.addSelectionListener(
        selection -> {
          if (selection.isFromClient()) {
            selected = selection.getFirstSelectedItem().orElse(null);
            showDeliveries();
          }
        });

    deliveries.setId("webhook-deliveries");
    deliveries.addColumn(d -> Dates.format(d.createdAt())).setHeader("Created");
    deliveries.addColumn(DeliveryView::eventType).setHeader("Event");
    deliveries.addColumn(DeliveryView::status).setHeader("Status");
    deliveries.addColumn(d -> d.attempts().size()).setHeader("Attempts");
    deliveries.addColumn(WebhooksView::lastAttempt).setHeader("Last answer").setFlexGrow(2);
    deliveries.addComponentColumn(this::redeliver).setHeader("");
    deliveries.setItemDetailsRenderer(
        new ComponentRenderer<>(
            d ->
                new Pre(
                    d.attempts().stream()
                        .map(WebhooksView::describe)
                        .collect(Collectors.joining("\n")))));
    deliveries.setDetailsVisibleOnClick(true);
    // attempts go on in the background, after the last change made here
    Button reload = new Button("Refresh", click -> showDeliveries());
    reload.setId("webhook-deliveries-refresh");
    reload.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    log.add(new H3("Delivery log"), reload);
    log.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    add(
        new H2("Webhooks"),
        new Paragraph(
            "Each event is sent as a signed POST (Standard Webhooks): verify the webhook-signature"
                + " header with the secret shown when you add the webhook. Choose a webhook to see"
                + " its delivery log."),
        form,
        secret,
        subscriptions,
        log,
        deliveries);
  }

  public static RouteParameters parameters(UUID organizationId) {
    return new RouteParameters(ORGANIZATION_ID, organizationId.toString());
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (SignedInUser.current().isEmpty()) {
      return;
    }
    try {
      organizationId = UUID.fromString(event.getRouteParameters().get(ORGANIZATION_ID).orElse(""));
      refresh();
    } catch (IllegalArgumentException | Rejection refused) {
      event.forwardTo("");
    }
  }

  private Component actions(WebhookView webhook) {
    Button toggle =
        new Button(
            webhook.enabled() ? "Pause" : "Resume",
            click ->
                act(
                    () ->
                        webhooks.update(
                            caller(),
                            webhook.id(),
                            new WebhookDraft(null, null, null, !webhook.enabled()))));
    Button rotate =
        new Button(
            "Rotate secret",
            click -> act(() -> showSecret(webhooks.rotateSecret(caller(), webhook.id()))));
    Button delete =
        new Button("Delete", click -> act(() -> webhooks.delete(caller(), webhook.id())));
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    HorizontalLayout actions = new HorizontalLayout(toggle, rotate, delete);
    actions
        .getChildren()
        .forEach(
            button ->
                ((Button) button)
                    .addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY));
    return actions;
  }

  private Button redeliver(DeliveryView delivery) {
    Button redeliver =
        new Button(
            "Redeliver",
            click ->
                act(
                    () -> {
                      webhooks.redeliver(caller(), delivery.webhookId(), delivery.id());
                      Notices.success("The delivery is sent again.");
                    }));
    redeliver.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    redeliver.setVisible(!"PENDING".equals(delivery.status()));
    return redeliver;
  }

  private void showSecret(WebhookSecret created) {
    secret.setText(
        "Signing secret of "
            + created.webhook().url()
            + " (shown this once; keep it with the receiver): "
            + created.secret());
  }

  private void refresh() {
    List<WebhookView> all = webhooks.list(caller(), organizationId, Page.MAX_LIMIT, null).items();
    subscriptions.setItems(all);
    // new items clear the grid's selection: the webhook whose log is open stays chosen
    if (selected != null) {
      selected = all.stream().filter(w -> w.id().equals(selected.id())).findFirst().orElse(null);
    }
    if (selected != null) {
      subscriptions.select(selected);
    }
    showDeliveries();
  }

  private void showDeliveries() {
    log.setVisible(selected != null);
    deliveries.setVisible(selected != null);
    if (selected != null) {
      // the newest deliveries; the API pages through the rest
      deliveries.setItems(
          webhooks.deliveries(caller(), selected.id(), Page.MAX_LIMIT, null).items());
    }
  }

  /** Runs a change and shows the result, or why it was refused. */
  private void act(Runnable change) {
    try {
      change.run();
      refresh();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private static String lastAttempt(DeliveryView delivery) {
    return delivery.attempts().isEmpty()
        ? ""
        : describe(delivery.attempts().get(delivery.attempts().size() - 1));
  }

  private static String describe(DeliveryView.Attempt attempt) {
    return "#"
        + attempt.attempt()
        + " "
        + Dates.format(attempt.attemptedAt())
        + ": "
        + (attempt.statusCode() == null ? "no answer" : attempt.statusCode())
        + " in "
        + attempt.durationMs()
        + " ms"
        + (attempt.error() == null ? "" : " - " + attempt.error());
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
