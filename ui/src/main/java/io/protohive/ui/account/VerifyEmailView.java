package io.protohive.ui.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.AccountRecovery;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.signin.SignInView;
import jakarta.inject.Inject;

/** Where the verification link lands: proves the address and says so. */
@Route("verify-email")
@PageTitle("Verify your email · ProtoHive")
public class VerifyEmailView extends VerticalLayout implements BeforeEnterObserver {

  private final AccountRecovery recovery;
  private final Paragraph outcome = new Paragraph();

  @Inject
  public VerifyEmailView(AccountRecovery recovery) {
    this.recovery = recovery;
    outcome.setId("verify-outcome");
    add(new H2("Verify your email"), outcome, new Anchor(SignInView.ROUTE, "Sign in"));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
    try {
      recovery.verifyEmail(token);
      outcome.setText("Your email address is verified. You can sign in now.");
    } catch (Rejection rejection) {
      outcome.setText(rejection.getMessage());
    }
  }
}
