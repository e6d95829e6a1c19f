package io.protohive.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.Caller;
import io.protohive.kernel.identity.token.RefreshTokens;
import io.protohive.kernel.identity.token.RefreshTokens.ActiveSession;
import io.protohive.kernel.identity.token.Sessions;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.privacy.Erasure;
import io.protohive.kernel.privacy.Exports;
import io.protohive.ui.layout.Dates;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.layout.MainLayout;
import io.protohive.ui.signin.SignedInOnly;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The signed-in person's account: password, the apps signed in to it, and their data: export it, or
 * delete the account.
 */
@Route(value = "profile", layout = MainLayout.class)
@PageTitle("Profile · ProtoHive")
public class ProfileView extends VerticalLayout implements SignedInOnly {

  public static final String ROUTE = "profile";

  private final RefreshTokens refreshTokens;
  private final Grid<ActiveSession> sessions = new Grid<>(ActiveSession.class, false);
  private final PersonalDataSection personalData;

  @Inject
  public ProfileView(
      AccountService accounts,
      RefreshTokens refreshTokens,
      Sessions all,
      Exports exports,
      Erasure erasure) {
    this.refreshTokens = refreshTokens;
    this.personalData = new PersonalDataSection(exports, erasure);

    PasswordField current = new PasswordField("Current password");
    current.setId("current-password");
    PasswordField next = new PasswordField("New password");
    next.setId("new-password");
    Paragraph outcome = new Paragraph();
    outcome.setId("password-outcome");
    Button change = new Button("Change password");
    change.setId("change-password");
    change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    change.addClickListener(
        click -> {
          try {
            accounts.changePassword(caller(), current.getValue(), next.getValue(), address());
            SignedInUser.keepThisSession();
            current.clear();
            next.clear();
            outcome.setText("Your password is changed; apps signed in with the old one are out.");
            refresh();
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection, Map.of("currentPassword", current, "password", next), outcome::setText);
          }
        });

    sessions.setId("sessions");
    sessions.addColumn(s -> Dates.format(s.startedAt())).setHeader("Signed in");
    sessions.addColumn(s -> Dates.format(s.lastRefreshedAt())).setHeader("Last active");
    sessions.addColumn(s -> Dates.format(s.expiresAt())).setHeader("Expires");
    sessions.addColumn(new ComponentRenderer<>(this::endButton)).setHeader("");
    sessions.setAllRowsVisible(true);
    Button everywhere = new Button("Sign out everywhere");
    everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
    everywhere.addClickListener(
        click -> {
          SignedInUser user = SignedInUser.current().orElseThrow();
          all.closeAll(user.id(), user.tenantId(), address());
          SignedInUser.signOut();
          getUI().ifPresent(ui -> ui.getPage().setLocation("/login"));
        });

    add(
        new H2("Profile"),
        new Paragraph(SignedInUser.current().map(SignedInUser::email).orElse("")),
        new H3("Password"),
        current,
        next,
        change,
        outcome,
        new H3("Apps signed in to your account"),
        sessions,
        everywhere,
        personalData);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    SignedInOnly.super.beforeEnter(event);
    if (SignedInUser.current().isPresent()) {
      refresh();
    }
  }

  private Button endButton(ActiveSession session) {
    Button end = new Button("End");
    end.addThemeVariants(ButtonVariant.LUMO_SMALL);
    end.addClickListener(
        click -> {
          refreshTokens.revoke(caller().userId(), session.id());
          refresh();
        });
    return end;
  }

  private void refresh() {
    sessions.setItems(refreshTokens.active(caller().userId()));
    personalData.refresh();
  }

  private static Caller caller() {
    return SignedInUser.current().orElseThrow().caller();
  }

  private static String address() {
    return VaadinRequest.getCurrent().getRemoteAddr();
  }
}
