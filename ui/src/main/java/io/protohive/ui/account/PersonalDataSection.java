package io.protohive.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.privacy.Erasure;
import io.protohive.kernel.privacy.ExportView;
import io.protohive.kernel.privacy.Exports;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.signin.SignedInUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The profile's part on the person's data: exports to take it along, and erasure to leave. */
class PersonalDataSection extends VerticalLayout {

  private final Exports exports;
  private final Grid<ExportView> list = new Grid<>(ExportView.class, false);

  PersonalDataSection(Exports exports, Erasure erasure) {
    this.exports = exports;
    setPadding(false);

    Paragraph exportOutcome = new Paragraph();
    exportOutcome.setId("export-outcome");
    Button export = new Button("Export my data");
    export.setId("export-data");
    export.addClickListener(
        click -> {
          exports.request(caller(), address());
          exportOutcome.setText("Your export is on its way; we mail you when it is ready.");
          refresh();
        });
    list.setId("exports");
    list.addColumn(e -> Dates.format(e.createdAt())).setHeader("Asked for");
    list.addColumn(e -> e.status().toLowerCase()).setHeader("Status");
    list.addColumn(e -> e.expiresAt() == null ? "" : Dates.format(e.expiresAt()))
        .setHeader("Deleted on");
    list.addColumn(new ComponentRenderer<>(this::download)).setHeader("");
    list.setAllRowsVisible(true);

    EmailField confirmation = new EmailField("Your email address, to confirm");
    confirmation.setId("erase-confirmation");
    confirmation.setWidth("22em");
    Button erase = new Button("Delete my account");
    erase.setId("erase-account");
    erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Delete your account?",
            "Your account, files, tokens and memberships are erased now, and this cannot be"
                + " undone. Your messages stay in their conversations, written by \"deleted"
                + " user\".",
            "Delete my account",
            confirmed -> {
              try {
                erasure.eraseSelf(caller(), confirmation.getValue(), address());
                SignedInUser.signOut();
                getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
              } catch (Rejection rejection) {
                confirmation.setErrorMessage(rejection.getMessage());
                confirmation.setInvalid(true);
              }
            });
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    erase.addClickListener(click -> dialog.open());

    add(
        new H3("Your data"),
        new Paragraph(
            "An export is a ZIP of everything kept about you and the files you own; it is"
                + " deleted "
                + Exports.KEPT.toDays()
                + " days after it is ready."),
        export,
        exportOutcome,
        list,
        new H3("Delete your account"),
        confirmation,
        erase);
  }

  void refresh() {
    list.setItems(exports.list(caller()));
  }

  private com.vaadin.flow.component.Component download(ExportView export) {
    if (!export.ready()) {
      return new Span();
    }
    Anchor link =
        new Anchor(
            DownloadHandler.fromInputStream(
                event ->
                    new DownloadResponse(
                        open(export),
                        "protohive-export-" + export.id() + ".zip",
                        Exports.CONTENT_TYPE,
                        export.sizeBytes())),
            "Download");
    link.getElement().setAttribute("download", true);
    return link;
  }

  private InputStream open(ExportView export) {
    try {
      return exports.content(caller(), export.id(), address()).reader().open(0, export.sizeBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("an export cannot be read", e);
    }
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }

  private static String address() {
    return VaadinRequest.getCurrent().getRemoteAddr();
  }
}
