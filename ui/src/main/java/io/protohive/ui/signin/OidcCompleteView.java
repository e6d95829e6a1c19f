package io.protohive.ui.signin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import io.protohive.kernel.identity.oidc.OidcSignIn;
import io.protohive.kernel.identity.oidc.OidcTickets;
import io.protohive.kernel.identity.oidc.ProviderSignIn;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.account.ForgotPasswordView;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;

/**
 * Where a sign-in through an OIDC provider ends: the UI session takes it over from the ticket in
 * the browser's cookie, or, when an account has the person's email but is not linked to them yet,
 * asks for that account's password first.
 */
@Route("oidc-complete")
@PageTitle("Signing in · ProtoHive")
public class OidcCompleteView extends VerticalLayout implements BeforeEnterObserver {

  private final OidcSignIn oidc;
  private final Paragraph outcome = new Paragraph();
  private final VerticalLayout confirmation = new VerticalLayout();

  @Inject
  public OidcCompleteView(OidcSignIn oidc) {
    this.oidc = oidc;
    outcome.setId("oidc-outcome");
    confirmation.setPadding(false);
    add(confirmation, outcome, new Anchor(SignInView.ROUTE, "Back to sign in"));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String ticket = takeTicket();
    try {
      ProviderSignIn signIn = oidc.redeem(ticket);
      if (signIn.confirmationNeeded()) {
        askForPassword(signIn);
      } else {
        // the session is renewed on sign-in, which works in a round trip of the page, as after a
        // click, not while the page itself is being built
        UI ui = event.getUI();
        ui.getPage()
            .executeJs("return true")
            .then(
                ignored -> {
                  SignedInUser.signIn(signIn.signedIn());
                  ui.getPage().setLocation("/");
                });
      }
    } catch (Rejection rejection) {
      outcome.setText(rejection.getMessage());
    }
  }

  /** The owner of the account with this email proves it once, with the account's password. */
  private void askForPassword(ProviderSignIn pending) {
    PasswordField password = new PasswordField("Password of your ProtoHive account");
    password.setId("oidc-link-password");
    Button confirm = new Button("Link and sign in");
    confirm.setId("oidc-link-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    confirm.addClickListener(
        click -> {
          try {
            SignedInUser.signIn(
                oidc.confirmLink(
                    pending, password.getValue(), VaadinRequest.getCurrent().getRemoteAddr()));
            getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
          } catch (Rejection rejection) {
            password.clear();
            outcome.setText(rejection.getMessage());
          }
        });
    confirmation.add(
        new H2("Link " + pending.provider().name() + " to your account"),
        new Paragraph(
            "An account with "
                + pending.accountView().email()
                + " exists here already. To sign in to it with "
                + pending.provider().name()
                + " from now on, enter its password once. Without a password, set one with"
                + " \"Forgot password\" first."),
        password,
        confirm,
        new RouterLink("Forgot password", ForgotPasswordView.class));
  }

  /** The ticket from its cookie, which is cleared: a ticket is good for one try. */
  private static String takeTicket() {
    Cookie[] cookies = VaadinRequest.getCurrent().getCookies();
    String ticket =
        Arrays.stream(cookies == null ? new Cookie[0] : cookies)
            .filter(cookie -> OidcTickets.COOKIE.equals(cookie.getName()))
            .map(Cookie::getValue)
            .findFirst()
            .orElse("");
    Cookie cleared = new Cookie(OidcTickets.COOKIE, "");
    cleared.setPath("/");
    cleared.setMaxAge(0);
    cleared.setHttpOnly(true);
    VaadinResponse.getCurrent().addCookie(cleared);
    return ticket;
  }
}
