package io.protohive.ui.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.UploadSpool;
import io.protohive.kernel.identity.Caller;
import io.protohive.ui.file.FileChip;
import io.protohive.ui.file.FileUpload;
import io.protohive.ui.layout.Notices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The files a person attaches to the message they write: uploaded, with their progress, to the
 * organization's files as they are dropped or chosen, then shown as chips until the message is
 * sent. Sent with the message, they join the conversation's knowledge.
 */
class ChatAttachments extends Div {

  private final List<FileView> attached = new ArrayList<>();
  private final Div chips = new Div();
  private final Upload upload;

  ChatAttachments(FileService files, UploadSpool spool, Caller caller, UUID organizationId) {
    upload =
        new Upload(
            new FileUpload(
                files, spool, caller, organizationId, () -> null, this::attach, Notices::error));
    upload.setId("chat-attach");
    Button choose = new Button("Attach files", VaadinIcon.PAPERCLIP.create());
    choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    upload.setUploadButton(choose);
    upload.setDropLabel(new Span("or drop them here"));
    chips.setId("chat-attachments");
    chips.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);
    add(chips, upload);
    setWidthFull();
  }

  /** The ids of the files to send with the message. */
  List<UUID> fileIds() {
    return attached.stream().map(FileView::id).toList();
  }

  /** Forgets the files once their message is sent. */
  void clear() {
    attached.clear();
    chips.removeAll();
    upload.clearFileList();
  }

  private void attach(FileView file) {
    attached.add(file);
    Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
    remove.addThemeVariants(
        ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
    remove.setAriaLabel("Do not attach " + file.name());
    FileChip chip = new FileChip(file.id(), file.name());
    chip.setTarget(AnchorTarget.BLANK);
    Div pending = new Div(chip, remove);
    pending.addClassNames(LumoUtility.Display.INLINE_FLEX, LumoUtility.AlignItems.CENTER);
    remove.addClickListener(
        click -> {
          attached.remove(file);
          chips.remove(pending);
        });
    chips.add(pending);
  }
}
