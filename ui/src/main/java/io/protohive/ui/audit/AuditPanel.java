package io.protohive.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.protohive.kernel.audit.AuditEntry;
import io.protohive.kernel.audit.AuditFiles;
import io.protohive.kernel.audit.AuditFilter;
import io.protohive.kernel.audit.AuditVerification;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.PageRequest;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.Notices;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An audit trail to search, page through, verify and download: the tenant's on the tenant page, the
 * platform's on the platform's. Times are entered and shown in UTC, as the API has them.
 */
public class AuditPanel extends VerticalLayout {

  /** The trail the panel shows. */
  public interface Trail {
    Page<AuditEntry> read(AuditFilter filter, PageRequest page);
  }

  private final Trail trail;
  private final TextField actor = new TextField("Actor (user id)");
  private final TextField action = new TextField("Action");
  private final TextField target = new TextField("Target");
  private final DateTimePicker from = new DateTimePicker("From (UTC)");
  private final DateTimePicker to = new DateTimePicker("To (UTC)");
  private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
  private final Button more = new Button("More");
  private final List<AuditEntry> shown = new ArrayList<>();
  // what the downloads export: the filter of the last search, read on the download's own request
  private volatile AuditFilter filter = AuditFilter.NONE;
  private String nextCursor;

  public AuditPanel(Trail trail, Supplier<AuditVerification> verification) {
    this.trail = trail;
    setPadding(false);
    actor.setId("audit-actor");
    action.setId("audit-action");
    target.setId("audit-target");
    from.setId("audit-from");
    to.setId("audit-to");
    Button search = new Button("Search", click -> search());
    search.setId("audit-search");
    search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout filters = new HorizontalLayout(actor, action, target, from, to, search);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);

    grid.setId("audit");
    grid.addColumn(e -> Dates.format(e.occurredAt())).setHeader("When");
    grid.addColumn(
            e -> Objects.toString(e.actorId(), "") + " " + Objects.toString(e.actorKind(), ""))
        .setHeader("Who");
    grid.addColumn(AuditEntry::action).setHeader("What");
    grid.addColumn(e -> e.route() == null ? Objects.toString(e.subject(), "") : e.route())
        .setHeader("Route or subject");
    grid.addColumn(e -> Objects.toString(e.target(), "")).setHeader("Target");
    grid.addColumn(e -> Objects.toString(e.outcome(), "")).setHeader("Outcome");
    grid.addColumn(AuditEntry::sourceAddress).setHeader("From");
    grid.addColumn(e -> Objects.toString(e.traceId(), "")).setHeader("Trace");
    grid.setAllRowsVisible(true);
    more.setId("audit-more");
    more.addClickListener(click -> load());

    Span verified = new Span();
    verified.setId("audit-verification");
    Button verify =
        new Button("Verify the chain", click -> verified.setText(describe(verification.get())));
    verify.setId("audit-verify");
    HorizontalLayout tools =
        new HorizontalLayout(
            verify, verified, download(AuditFiles.Format.CSV), download(AuditFiles.Format.JSON));
    tools.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(filters, tools, grid, more);
  }

  /** Shows the newest entries that pass the filters. */
  public void search() {
    try {
      filter =
          AuditFilter.of(
              actor.getValue(), action.getValue(), target.getValue(), utc(from), utc(to));
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
      return;
    }
    shown.clear();
    nextCursor = null;
    load();
  }

  private void load() {
    Page<AuditEntry> page = trail.read(filter, PageRequest.of(Page.MAX_LIMIT, nextCursor));
    shown.addAll(page.items());
    nextCursor = page.nextCursor();
    grid.setItems(shown);
    more.setVisible(nextCursor != null);
  }

  private Anchor download(AuditFiles.Format format) {
    Anchor link =
        new Anchor(
            (DownloadHandler)
                event -> {
                  AuditFilter exported = filter;
                  Page<AuditEntry> first =
                      trail.read(exported, PageRequest.of(Page.MAX_LIMIT, null));
                  event.setFileName(format.fileName());
                  event.setContentType(format.mediaType());
                  AuditFiles.write(
                      format,
                      first,
                      cursor -> trail.read(exported, PageRequest.of(Page.MAX_LIMIT, cursor)),
                      event.getOutputStream());
                },
            AttachmentType.DOWNLOAD,
            "Export " + format.name());
    link.setId("audit-export-" + format.name().toLowerCase());
    return link;
  }

  private static String describe(AuditVerification result) {
    return result.intact()
        ? "Intact: " + result.entries() + " entries, last hash " + result.headHash()
        : "Broken at entry "
            + result.firstBrokenSeq()
            + " ("
            + result.firstBroken()
            + "): "
            + result.reason();
  }

  private static String utc(DateTimePicker picker) {
    LocalDateTime value = picker.getValue();
    return value == null ? null : value.toInstant(ZoneOffset.UTC).toString();
  }
}
