package io.protohive.ui.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.privacy.FieldKeyRotation;
import io.protohive.kernel.privacy.FieldKeyRotation.FieldKeysView;
import java.util.function.Supplier;

/**
 * The tenant's field keys, which seal message contents, summaries and memories, with a button that
 * rotates them; what was sealed before is resealed in the background.
 */
class FieldKeysPanel extends HorizontalLayout {

  private final FieldKeyRotation rotation;
  private final Supplier<Caller> caller;
  private final Paragraph status = new Paragraph();

  FieldKeysPanel(FieldKeyRotation rotation, Supplier<Caller> caller) {
    this.rotation = rotation;
    this.caller = caller;
    status.setId("tenant-field-keys");
    Button rotate = new Button("Rotate key");
    rotate.setId("tenant-rotate-field-keys");
    rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
    rotate.addClickListener(
        click -> show(rotation.rotate(caller.get(), VaadinRequest.getCurrent().getRemoteAddr())));
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(status, rotate);
  }

  void refresh() {
    show(rotation.status(caller.get()));
  }

  private void show(FieldKeysView keys) {
    status.setText(
        "Message contents, summaries and memories are sealed with key "
            + keys.keyId()
            + " (AES-256-GCM), made "
            + keys.rotatedAt()
            + "; "
            + keys.keys()
            + (keys.keys() == 1 ? " key opens" : " keys open")
            + " them, "
            + keys.behind()
            + " values to reseal.");
  }
}
