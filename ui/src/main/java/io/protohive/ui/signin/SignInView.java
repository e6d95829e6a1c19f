package io.protohive.ui.signin;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.tenancy.TenantDirectory;
import io.protohive.ui.account.ForgotPasswordView;
import io.protohive.ui.account.SignUpView;
import jakarta.inject.Inject;
import java.util.Optional;

/** Email and password sign-in. */
@Route(SignInView.ROUTE)
@PageTitle("Sign in · ProtoHive")
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

  public static final String ROUTE = "login";

  private final TenantDirectory tenants;
  private final VerticalLayout providers = new VerticalLayout();

  @Inject
  public SignInView(SignInService signIn, TenantDirectory tenants) {
    this.tenants = tenants;
    LoginForm form = new LoginForm();
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Sign in to ProtoHive");
    i18n.getForm().setUsername("Email");
    form.setI18n(i18n);
    form.addForgotPasswordListener(
        event -> getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
    form.addLoginListener(
        event -> {
          try {
            SignedInUser.signIn(
                signIn.signIn(
                    event.getUsername(),
                    event.getPassword().toCharArray(),
                    Optional.empty(),
                    VaadinRequest.getCurrent().getRemoteAddr()));
            getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
          } catch (Rejection rejection) {
            i18n.getErrorMessage().setMessage(rejection.getMessage());
            form.setI18n(i18n);
            form.setError(true);
          }
        });

    Anchor signUp = new Anchor(SignUpView.ROUTE, "Create an account");
    signUp.setId("sign-up-link");
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    add(form, providers, signUp);
  }

  /** With {@code ?tenant=slug}, offers that tenant's identity providers. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    providers.removeAll();
    providers.setPadding(false);
    providers.setAlignItems(FlexComponent.Alignment.CENTER);
    event
        .getLocation()
        .getQueryParameters()
        .getSingleParameter("tenant")
        .ifPresent(
            slug ->
                tenants
                    .oidcProviders(slug)
                    .forEach(
                        provider -> {
                          Anchor button =
                              new Anchor(
                                  "/api/v1/auth/oidc/" + slug + "/" + provider.id(),
                                  "Sign in with " + provider.name());
                          button.setId("oidc-" + provider.id());
                          button.setRouterIgnore(true);
                          providers.add(button);
                        }));
  }
}
