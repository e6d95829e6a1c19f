package io.protohive.ui.file;

import com.vaadin.flow.component.html.Span;
import io.protohive.kernel.file.FileStatus;
import io.protohive.kernel.file.FileView;
import java.util.Locale;

/** A file's ingestion status as a badge; a failed one says why when hovered. */
final class FileStatusBadge extends Span {

  FileStatusBadge(FileView file) {
    super(label(file.status()));
    getElement().getThemeList().add("badge small");
    switch (file.status()) {
      case READY -> getElement().getThemeList().add("success");
      case FAILED -> getElement().getThemeList().add("error");
      default -> getElement().getThemeList().add("contrast");
    }
    if (file.statusReason() != null) {
      getElement().setAttribute("title", file.statusReason());
    }
    addClassName("file-status");
    getElement().setAttribute("data-status", file.status().name());
  }

  private static String label(FileStatus status) {
    String name = status.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
