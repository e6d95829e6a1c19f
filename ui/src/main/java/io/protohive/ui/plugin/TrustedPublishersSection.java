package io.protohive.ui.plugin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.plugin.TrustedPublishers;
import io.protohive.kernel.plugin.TrustedPublishers.Publisher;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.Notices;
import java.util.Map;

/**
 * The publishers whose signed plugins the platform installs, and the form to trust another: a
 * partner's plugins install only once its signing certificate is here.
 */
final class TrustedPublishersSection extends VerticalLayout {

  private final TrustedPublishers publishers;
  private final Caller caller;
  private final Grid<Publisher> grid = new Grid<>(Publisher.class, false);

  TrustedPublishersSection(TrustedPublishers publishers, Caller caller) {
    this.publishers = publishers;
    this.caller = caller;
    setPadding(false);

    grid.setId("publishers");
    grid.addColumn(Publisher::name).setHeader("Name");
    grid.addColumn(Publisher::subject).setHeader("Subject");
    grid.addColumn(Publisher::fingerprint).setHeader("Fingerprint (SHA-256)");
    grid.addColumn(p -> p.builtIn() ? "yes" : "").setHeader("Built in");
    grid.addColumn(p -> Dates.format(p.addedAt())).setHeader("Added");
    grid.addColumn(new ComponentRenderer<>(this::removeButton)).setHeader("");
    grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);

    TextField name = new TextField("Name");
    name.setId("publisher-name");
    name.setWidth("22em");
    TextArea certificate = new TextArea("Certificate");
    certificate.setId("publisher-certificate");
    certificate.setHelperText("The publisher's X.509 signing certificate, in PEM form");
    certificate.setPlaceholder("-----BEGIN CERTIFICATE-----");
    certificate.setWidthFull();
    certificate.setMaxWidth("48em");
    Button trust = new Button("Trust publisher");
    trust.setId("trust-publisher");
    trust.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    trust.addClickListener(
        click -> {
          try {
            Publisher added =
                publishers.add(
                    caller, name.getValue(), certificate.getValue(), ClientAddress.current());
            name.clear();
            name.setInvalid(false);
            certificate.clear();
            certificate.setInvalid(false);
            Notices.success("Plugins signed by " + added.subject() + " now install.");
            refresh();
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection, Map.of("name", name, "certificate", certificate), Notices::error);
          }
        });

    add(new H3("Trusted publishers"), grid, name, certificate, trust);
  }

  void refresh() {
    grid.setItems(publishers.list(caller));
  }

  private Button removeButton(Publisher publisher) {
    Button remove = new Button("Remove");
    remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    remove.setVisible(!publisher.builtIn());
    remove.addClickListener(
        click -> {
          try {
            publishers.remove(caller, publisher.id(), ClientAddress.current());
            Notices.success(
                "New plugins signed by "
                    + publisher.subject()
                    + " are refused; installed ones keep running.");
          } catch (Rejection rejection) {
            Notices.error(rejection.getMessage());
          }
          refresh();
        });
    return remove;
  }
}
