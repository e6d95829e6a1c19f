package io.protohive.ui.tenant;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.AuditTrail;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.TenantAdministration;
import io.protohive.kernel.identity.TenantAdministration.UserSummary;
import io.protohive.kernel.platform.Page;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.privacy.Erasure;
import io.protohive.kernel.privacy.ErasureReport;
import io.protohive.kernel.privacy.FieldKeyRotation;
import io.protohive.ui.audit.AuditPanel;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInUser;
import io.protohive.ui.signin.TenantAdminOnly;
import jakarta.inject.Inject;

/** A tenant admin's page: the tenant's users, whom they may erase, and its audit trail. */
@Route(value = "tenant", layout = MainLayout.class)
@PageTitle("Tenant · ProtoHive")
public class TenantAdminView extends VerticalLayout implements TenantAdminOnly {

  private final TenantAdministration administration;
  private final Grid<UserSummary> users = new Grid<>(UserSummary.class, false);
  private final AuditPanel audit;
  private final Erasure erasure;
  private final Paragraph erased = new Paragraph();
  private final FieldKeysPanel fieldKeys;

  @Inject
  public TenantAdminView(
      TenantAdministration administration,
      AuditTrail trail,
      Erasure erasure,
      FieldKeyRotation rotation) {
    this.administration = administration;
    this.fieldKeys = new FieldKeysPanel(rotation, TenantAdminView::caller);
    this.erasure = erasure;
    erased.setId("tenant-erased");
    this.audit =
        new AuditPanel(
            (filter, page) -> trail.ofTenant(caller(), filter, page),
            () -> trail.verifyTenant(caller()));
    users.setId("tenant-users");
    users.addColumn(UserSummary::email).setHeader("Email");
    users.addColumn(UserSummary::displayName).setHeader("Name");
    users.addColumn(u -> u.tenantAdmin() ? "admin" : "").setHeader("Tenant role");
    users.addColumn(u -> u.emailVerified() ? "yes" : "no").setHeader("Verified");
    users.addColumn(new ComponentRenderer<>(this::toggle)).setHeader("Account");
    users.addColumn(new ComponentRenderer<>(this::eraseButton)).setHeader("");
    users.setAllRowsVisible(true);

    audit.setId("tenant-audit");

    EmailField email = new EmailField();
    email.setId("tenant-invite-email");
    email.setPlaceholder("Email of a person to invite");
    email.setWidth("22em");
    Button invite = new Button("Invite");
    invite.setId("tenant-invite");
    invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    invite.addClickListener(
        click -> {
          try {
            administration.invite(
                caller(), email.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
            email.clear();
            email.setInvalid(false);
            refresh();
          } catch (Rejection rejection) {
            email.setErrorMessage(rejection.getMessage());
            email.setInvalid(true);
          }
        });
    HorizontalLayout inviting = new HorizontalLayout(email, invite);
    inviting.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

    add(
        new H2("Tenant"),
        new H3("Users"),
        inviting,
        users,
        erased,
        new H3("Personal data keys"),
        fieldKeys,
        new H3("Audit trail"),
        audit);
  }

  @Override
  public void entered() {
    refresh();
  }

  private Button toggle(UserSummary user) {
    Button button = new Button(user.disabled() ? "Enable" : "Disable");
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    button.addClickListener(
        click -> {
          try {
            administration.setDisabled(
                caller(), user.id(), !user.disabled(), VaadinRequest.getCurrent().getRemoteAddr());
            refresh();
          } catch (Rejection rejection) {
            button.setTooltipText(rejection.getMessage());
          }
        });
    return button;
  }

  /** Erases a person after the admin confirms; the report says what went, or why not. */
  private Button eraseButton(UserSummary user) {
    Button button = new Button("Erase");
    button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    ConfirmDialog dialog =
        new ConfirmDialog(
            "Erase " + user.email() + "?",
            "Their account, files, tokens and memberships are erased now, and this cannot be"
                + " undone. Their messages stay, written by \"deleted user\".",
            "Erase",
            confirmed -> {
              try {
                ErasureReport report =
                    erasure.eraseUser(
                        caller(), user.id(), VaadinRequest.getCurrent().getRemoteAddr());
                erased.setText("Erased: " + report.counts());
                refresh();
              } catch (Rejection rejection) {
                erased.setText(rejection.getMessage());
              }
            });
    dialog.setConfirmButtonTheme("error primary");
    dialog.setCancelable(true);
    button.addClickListener(click -> dialog.open());
    return button;
  }

  private void refresh() {
    Caller caller = caller();
    users.setItems(Page.every(cursor -> administration.users(caller, Page.MAX_LIMIT, cursor)));
    fieldKeys.refresh();
    audit.search();
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }
}
