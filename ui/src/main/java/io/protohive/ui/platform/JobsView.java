package io.protohive.ui.platform;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.job.JobAdministration;
import io.protohive.kernel.job.JobView;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.PlatformAdminOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;

/** The background job queue of every tenant, newest first; platform admins only. */
@Route(value = "platform/jobs", layout = MainLayout.class)
@PageTitle("Jobs · ProtoHive")
public class JobsView extends VerticalLayout implements PlatformAdminOnly {

  private static final String ANY = "Any status";

  private final JobAdministration jobs;
  private final Grid<JobView> grid = new Grid<>(JobView.class, false);
  private final Select<String> status = new Select<>();

  @Inject
  public JobsView(JobAdministration jobs) {
    this.jobs = jobs;
    status.setId("jobs-status");
    status.setLabel("Status");
    status.setItems(ANY, "QUEUED", "RUNNING", "DONE", "DEAD");
    status.setValue(ANY);
    status.addValueChangeListener(change -> refresh());
    Button reload = new Button("Reload", click -> refresh());
    grid.setId("jobs");
    grid.addColumn(j -> Dates.format(j.createdAt())).setHeader("Created");
    grid.addColumn(JobView::kind).setHeader("Kind");
    grid.addColumn(JobView::status).setHeader("Status");
    grid.addColumn(j -> j.attempts() + " of " + j.maxAttempts()).setHeader("Attempts");
    grid.addColumn(j -> j.lockedBy() == null ? "" : j.lockedBy()).setHeader("Held by");
    grid.addColumn(j -> j.lastError() == null ? "" : j.lastError()).setHeader("Last error");
    grid.addComponentColumn(this::retry).setHeader("");
    grid.setItemDetailsRenderer(new ComponentRenderer<>(j -> new Pre(j.payload())));
    grid.setDetailsVisibleOnClick(true);
    HorizontalLayout filters = new HorizontalLayout(status, reload);
    filters.setDefaultVerticalComponentAlignment(Alignment.END);
    add(new H2("Jobs"), filters, grid);
    refresh();
  }

  /** A dead job can go back in the queue. */
  private Button retry(JobView job) {
    Button retry =
        new Button(
            "Retry",
            click -> {
              try {
                jobs.retry(caller(), job.id());
                Notices.success("The job is queued again.");
                refresh();
              } catch (Rejection rejection) {
                Notices.error(rejection.getMessage());
              }
            });
    retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    retry.setVisible("DEAD".equals(job.status()));
    return retry;
  }

  private void refresh() {
    if (SignedInPlatformAdmin.current().isEmpty()) {
      return;
    }
    // the newest jobs; the API pages through the rest
    grid.setItems(
        jobs.list(
                caller(),
                ANY.equals(status.getValue()) ? null : status.getValue(),
                Page.MAX_LIMIT,
                null)
            .items());
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
