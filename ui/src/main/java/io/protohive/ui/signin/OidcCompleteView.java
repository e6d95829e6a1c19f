package io.protohive.ui.signin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.oidc.OidcSignIn;
import io.protohive.kernel.platform.Rejection;
import jakarta.inject.Inject;

/** Where a sign-in through an OIDC provider ends: the UI session takes it over. */
@Route("oidc-complete")
@PageTitle("Signing in · ProtoHive")
public class OidcCompleteView extends VerticalLayout implements BeforeEnterObserver {

  private final OidcSignIn oidc;
  private final Paragraph outcome = new Paragraph();

  @Inject
  public OidcCompleteView(OidcSignIn oidc) {
    this.oidc = oidc;
    outcome.setId("oidc-outcome");
    add(outcome, new Anchor(SignInView.ROUTE, "Back to sign in"));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String ticket =
        event.getLocation().getQueryParameters().getSingleParameter("ticket").orElse("");
    try {
      SignedInUser.signIn(oidc.redeem(ticket));
      event.getUI().getPage().setLocation("/");
    } catch (Rejection rejection) {
      outcome.setText(rejection.getMessage());
    }
  }
}
