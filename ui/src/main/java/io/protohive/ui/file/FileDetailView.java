package io.protohive.ui.file;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.protohive.kernel.file.FileLinks;
import io.protohive.kernel.file.FileService;
import io.protohive.kernel.file.FileView;
import io.protohive.kernel.file.PdfPages;
import io.protohive.kernel.file.Sizes;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.organization.OrganizationsView;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * One file: what it is, its download, and a preview rendered on the server — a PDF page by page
 * (the page a citation names opens first), an image as it is.
 */
@Route(value = "files/:" + FileDetailView.FILE_ID, layout = MainLayout.class)
public class FileDetailView extends VerticalLayout implements SignedInOnly, HasDynamicTitle {

  public static final String FILE_ID = "fileId";

  /** Who acts here; {@code null} only for a visitor, whom {@link #beforeEnter} sends away. */
  private final Caller caller = SignedInUser.current().map(SignedInUser::caller).orElse(null);

  private final FileService files;
  private final H2 title = new H2();
  private final Paragraph facts = new Paragraph();
  private final HorizontalLayout links = new HorizontalLayout();
  private final HorizontalLayout pager = new HorizontalLayout();
  private final VerticalLayout preview = new VerticalLayout();
  private FileView file;
  private int page = 1;

  @Inject
  public FileDetailView(FileService files) {
    this.files = files;
    facts.setId("file-facts");
    preview.setId("file-preview");
    preview.setPadding(false);
    pager.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(title, facts, links, pager, preview);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (caller == null) {
      return;
    }
    try {
      UUID id = UUID.fromString(event.getRouteParameters().get(FILE_ID).orElse(""));
      file = files.get(caller, id);
      page = requestedPage(event.getLocation().getQueryParameters());
      show();
    } catch (IllegalArgumentException | Rejection notFound) {
      event.forwardTo(OrganizationsView.class);
    }
  }

  @Override
  public String getPageTitle() {
    return (file == null ? "File" : file.name()) + " · ProtoHive";
  }

  private static int requestedPage(QueryParameters query) {
    List<String> given = query.getParameters().getOrDefault("page", List.of());
    try {
      return given.isEmpty() ? 1 : Math.max(1, Integer.parseInt(given.get(0)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void show() {
    title.setText(file.name());
    facts.setText(
        file.contentType()
            + " · "
            + Sizes.readable(file.sizeBytes())
            + " · version "
            + file.version()
            + " · "
            + file.status().name().toLowerCase()
            + (file.statusReason() == null ? "" : " (" + file.statusReason() + ")")
            + " · changed "
            + Dates.format(file.updatedAt()));
    links.removeAll();
    RouterLink back =
        new RouterLink("← Files", FilesView.class, FilesView.parameters(file.organizationId()));
    Anchor download = new Anchor(bytes(), "Download");
    download.setId("file-download");
    download.getElement().setAttribute("download", true);
    links.add(back, download);
    showPreview();
  }

  private void showPreview() {
    preview.removeAll();
    pager.removeAll();
    if (file.contentType().startsWith("image/")) {
      preview.add(new Image(bytes(), file.name()));
      return;
    }
    if (!file.contentType().equals("application/pdf")) {
      preview.add(new Span("No preview for this type; download it to open it."));
      return;
    }
    Integer pages = file.pages();
    if (pages != null) {
      page = Math.min(page, pages);
    }
    Button previous = new Button(VaadinIcon.ARROW_LEFT.create(), click -> turn(page - 1));
    previous.setEnabled(page > 1);
    Button next = new Button(VaadinIcon.ARROW_RIGHT.create(), click -> turn(page + 1));
    next.setEnabled(pages == null || page < pages);
    Span at = new Span("Page " + page + (pages == null ? "" : " of " + pages));
    at.setId("file-page");
    pager.add(previous, at, next);
    int shown = page;
    Image image =
        new Image(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] png = PdfPages.png(open(), shown);
                  return new DownloadResponse(
                      new ByteArrayInputStream(png),
                      "page-" + shown + ".png",
                      "image/png",
                      png.length);
                }),
            file.name() + ", page " + page);
    image.setId("file-page-image");
    image.getElement().setAttribute("data-page", String.valueOf(page));
    image.setMaxWidth("100%");
    image.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)");
    preview.add(image);
  }

  private void turn(int to) {
    page = Math.max(1, to);
    getUI()
        .ifPresent(
            ui -> ui.getPage().getHistory().replaceState(null, FileLinks.path(file.id(), page)));
    showPreview();
  }

  private DownloadHandler bytes() {
    return DownloadHandler.fromInputStream(
        event -> new DownloadResponse(open(), file.name(), file.contentType(), file.sizeBytes()));
  }

  private InputStream open() {
    try {
      return files.content(caller, file.id()).reader().open(0, file.sizeBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("a file cannot be read", e);
    }
  }
}
