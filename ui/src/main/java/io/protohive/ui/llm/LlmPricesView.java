package io.protohive.ui.llm;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.llm.Prices;
import io.protohive.kernel.llm.Prices.Price;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.PlatformAdminOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * What model calls cost, for platform admins: the price of a model decides what its calls count
 * against budgets kept in currency, and a model without a price costs nothing.
 */
@Route(value = "platform/llm-prices", layout = MainLayout.class)
@PageTitle("Model prices · ProtoHive")
public class LlmPricesView extends VerticalLayout implements PlatformAdminOnly {

  private final Prices prices;
  private final Grid<Price> grid = new Grid<>(Price.class, false);
  private final TextField provider = new TextField("Provider id");
  private final TextField model = new TextField("Model");
  private final WholeNumberField prompt =
      new WholeNumberField("Per million prompt tokens (millionths)", "promptMicros");
  private final WholeNumberField completion =
      new WholeNumberField("Per million completion tokens (millionths)", "completionMicros");

  @Inject
  public LlmPricesView(Prices prices) {
    this.prices = prices;
    grid.setId("prices");
    grid.addColumn(Price::providerId).setHeader("Provider");
    grid.addColumn(Price::model).setHeader("Model").setFlexGrow(2);
    grid.addColumn(p -> Amounts.currencyAndMillionths(p.promptMicros()))
        .setHeader("Per million prompt tokens");
    grid.addColumn(p -> Amounts.currencyAndMillionths(p.completionMicros()))
        .setHeader("Per million completion tokens");
    grid.setAllRowsVisible(true);
    grid.addItemClickListener(click -> edit(click.getItem()));

    provider.setId("price-provider");
    provider.setPlaceholder("openai");
    model.setId("price-model");
    prompt.setId("price-prompt");
    prompt.setMillionths(true);
    completion.setId("price-completion");
    completion.setMillionths(true);
    Button save = new Button("Set price", click -> save());
    save.setId("price-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    FormLayout form = new FormLayout(provider, model, prompt, completion, save);

    add(
        new H2("Model prices"),
        new Paragraph(
            "Prices in millionths of the currency unit per million tokens: 2500000 is 2.50 per"
                + " million. Click a price to change it."),
        grid,
        new H3("Set a price"),
        form);
  }

  @Override
  public void entered() {
    grid.setItems(prices.list(SignedInUser.current().orElseThrow().caller()));
  }

  private void edit(Price price) {
    provider.setValue(price.providerId());
    model.setValue(price.model());
    prompt.setValue(Long.toString(price.promptMicros()));
    completion.setValue(Long.toString(price.completionMicros()));
  }

  private void save() {
    try {
      Price price =
          prices.set(
              SignedInUser.current().orElseThrow().caller(),
              new Price(
                  provider.getValue().strip(),
                  model.getValue().strip(),
                  prompt.requiredNumber(),
                  completion.requiredNumber()),
              ClientAddress.current());
      Notices.success("Set the price of " + price.providerId() + "/" + price.model() + ".");
      grid.setItems(prices.list(SignedInUser.current().orElseThrow().caller()));
    } catch (Rejection rejection) {
      FieldErrors.show(rejection, errorPlaces(), Notices::error);
    }
  }

  private Map<String, HasValidation> errorPlaces() {
    return Map.of(
        "providerId", provider,
        "model", model,
        "promptMicros", prompt,
        "completionMicros", completion);
  }
}
