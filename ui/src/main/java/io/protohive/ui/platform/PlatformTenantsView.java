package io.protohive.ui.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.protohive.kernel.file.Sizes;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.provisioning.PlatformTenants;
import io.protohive.kernel.provisioning.TenantDraft;
import io.protohive.kernel.provisioning.TenantView;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.ui.layout.ClientAddress;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.layout.Notices;
import io.protohive.ui.signin.PlatformAdminOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The platform's tenants: create, rename, disable and enable, name admins, set sign-up rules and
 * the files' quota and store; platform admins only. Tenants from tenants-config are shown
 * read-only.
 */
@Route(value = "platform/tenants", layout = MainLayout.class)
@PageTitle("Tenants · ProtoHive")
public class PlatformTenantsView extends VerticalLayout implements PlatformAdminOnly {

  static final String MANAGED = "Managed by tenants-config";

  private final PlatformTenants tenants;
  private final Grid<TenantView> grid = new Grid<>(TenantView.class, false);

  @Inject
  public PlatformTenantsView(PlatformTenants tenants) {
    this.tenants = tenants;
    grid.setId("tenants");
    grid.addColumn(TenantView::name).setHeader("Tenant").setAutoWidth(true);
    grid.addColumn(TenantView::slug).setHeader("Slug").setAutoWidth(true);
    grid.addComponentColumn(PlatformTenantsView::state).setHeader("State").setAutoWidth(true);
    grid.addColumn(PlatformTenantsView::signUp).setHeader("Sign-up").setAutoWidth(true);
    grid.addColumn(PlatformTenantsView::files).setHeader("Files").setAutoWidth(true);
    grid.addColumn(t -> String.join(", ", t.admins())).setHeader("Admins").setFlexGrow(1);
    grid.addComponentColumn(this::actions)
        .setHeader("")
        .setAutoWidth(true)
        .setTextAlign(ColumnTextAlign.END);
    grid.setAllRowsVisible(true);

    Button create = new Button("New tenant", VaadinIcon.PLUS.create(), click -> create());
    create.setId("tenant-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

    Paragraph intro =
        new Paragraph(
            "Tenants from tenants-config files change only in their files; the others are"
                + " managed here.");
    intro.addClassNames(LumoUtility.TextColor.SECONDARY);
    HorizontalLayout header = new HorizontalLayout(new H2("Tenants"), create);
    header.setWidthFull();
    header.setJustifyContentMode(JustifyContentMode.BETWEEN);
    header.setDefaultVerticalComponentAlignment(Alignment.CENTER);
    add(header, intro, grid);
    refresh();
  }

  private static Component state(TenantView tenant) {
    Span state = new Span(tenant.disabled() ? "Disabled" : "Enabled");
    state
        .getElement()
        .setAttribute("theme", "badge small " + (tenant.disabled() ? "error" : "success"));
    state.addClassNames("tenant-state");
    return state;
  }

  private static String signUp(TenantView tenant) {
    if (!tenant.selfSignup()) {
      return "By invitation";
    }
    String domains =
        tenant.allowedEmailDomains().isEmpty()
            ? "any domain"
            : String.join(", ", tenant.allowedEmailDomains());
    return "Open to " + domains;
  }

  private static String files(TenantView tenant) {
    String quota =
        tenant.fileQuotaBytes() == null ? "default quota" : Sizes.readable(tenant.fileQuotaBytes());
    String store = tenant.fileStore() == null ? "default store" : tenant.fileStore();
    return quota + " · " + store;
  }

  private Component actions(TenantView tenant) {
    if (tenant.origin() == Tenant.Origin.CONFIG) {
      Span managed = new Span(MANAGED);
      managed.addClassNames(
          "tenant-managed", LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      return managed;
    }
    Button edit = new Button("Edit", click -> edit(tenant));
    edit.setId("edit-tenant-" + tenant.slug());
    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Button toggle =
        new Button(
            tenant.disabled() ? "Enable" : "Disable",
            click -> change(tenant, disabled(!tenant.disabled())));
    toggle.setId("toggle-tenant-" + tenant.slug());
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
    if (!tenant.disabled()) {
      toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
    }
    if (!tenant.disabled()) {
      return new HorizontalLayout(edit, toggle);
    }
    Button delete = new Button("Delete", click -> confirmDeletion(tenant));
    delete.setId("delete-tenant-" + tenant.slug());
    delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return new HorizontalLayout(edit, toggle, delete);
  }

  /** Deletion is for good, so the admin types the slug, as the API asks for it too. */
  private void confirmDeletion(TenantView tenant) {
    Dialog dialog = new Dialog();
    dialog.setId("tenant-delete-dialog");
    dialog.setHeaderTitle("Delete " + tenant.name());
    TextField slug = new TextField("Type the slug, " + tenant.slug() + ", to confirm");
    slug.setId("tenant-delete-confirm");
    slug.setWidthFull();
    Button delete =
        new Button(
            "Delete for good",
            click -> {
              try {
                tenants.delete(caller(), tenant.id(), slug.getValue(), ClientAddress.current());
                dialog.close();
                Notices.success("The tenant and everything of it are deleted.");
                refresh();
              } catch (Rejection rejection) {
                FieldErrors.show(rejection, Map.of("confirm", slug), Notices::error);
              }
            });
    delete.setId("tenant-delete");
    delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    dialog.add(
        new Paragraph(
            "Its people, organizations, agents, conversations, tasks, files and audit trail are"
                + " deleted, and its data key is destroyed first, so no copy of its files can be"
                + " read again. This cannot be undone."),
        slug);
    dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), delete);
    dialog.open();
  }

  private void create() {
    TenantForm form = new TenantForm("tenant", null, tenants.fileStores(caller()));
    open(
        "New tenant",
        form,
        "Create",
        () -> tenants.create(caller(), form.draft(), ClientAddress.current()),
        "The tenant is created.");
  }

  private void edit(TenantView listed) {
    // the list leaves out what the files take; one tenant read shows it
    TenantView tenant = tenants.get(caller(), listed.id());
    TenantForm form = new TenantForm("tenant", tenant, tenants.fileStores(caller()));
    open(
        tenant.name(),
        form,
        "Save",
        () -> tenants.change(caller(), tenant.id(), form.draft(), ClientAddress.current()),
        "The tenant is saved.");
  }

  /** A dialog with the form, whose confirming button does the work and shows a refusal. */
  private void open(String title, TenantForm form, String confirm, Runnable work, String success) {
    Dialog dialog = new Dialog();
    dialog.setId("tenant-dialog");
    dialog.setHeaderTitle(title);
    dialog.setWidth("44em");
    Paragraph problem = new Paragraph();
    problem.setId("tenant-problem");
    problem.addClassNames(LumoUtility.TextColor.ERROR);
    Button save =
        new Button(
            confirm,
            click -> {
              try {
                work.run();
                dialog.close();
                Notices.success(success);
                refresh();
              } catch (Rejection rejection) {
                form.show(rejection, problem::setText);
              }
            });
    save.setId("tenant-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(form, problem);
    dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
    dialog.open();
  }

  private static TenantDraft disabled(boolean disabled) {
    return new TenantDraft(null, null, disabled, null, null, null, null, null, null, null, null);
  }

  private void change(TenantView tenant, TenantDraft change) {
    try {
      tenants.change(caller(), tenant.id(), change, ClientAddress.current());
      Notices.success(
          change.disabled()
              ? "The tenant is disabled: its people cannot sign in."
              : "The tenant is enabled.");
      refresh();
    } catch (Rejection rejection) {
      Notices.error(rejection.getMessage());
    }
  }

  private void refresh() {
    if (SignedInPlatformAdmin.current().isEmpty()) {
      return;
    }
    Caller caller = caller();
    grid.setItems(Page.every(cursor -> tenants.list(caller, Page.MAX_LIMIT, cursor)));
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
