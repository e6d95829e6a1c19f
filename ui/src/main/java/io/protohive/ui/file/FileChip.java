package io.protohive.ui.file;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.file.FileLinks;
import java.util.UUID;

/** A file named in a small pill that opens the file's page: how chat shows attached files. */
public class FileChip extends Anchor {

  public FileChip(UUID fileId, String name) {
    setHref(FileLinks.path(fileId, null));
    Icon icon = VaadinIcon.FILE_TEXT_O.create();
    icon.getStyle().set("width", "1em");
    add(icon, new Span(name));
    addClassNames(
        "file-chip",
        LumoUtility.Display.INLINE_FLEX,
        LumoUtility.AlignItems.CENTER,
        LumoUtility.Gap.XSMALL,
        LumoUtility.Padding.Horizontal.SMALL,
        LumoUtility.BorderRadius.LARGE,
        LumoUtility.FontSize.SMALL,
        LumoUtility.Background.CONTRAST_10);
    getElement().setAttribute("data-file-id", fileId.toString());
  }
}
