package io.protohive.ui.signin;

import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.SignInService;
import jakarta.inject.Inject;

/** Email and password sign-in. */
@Route(SignInView.ROUTE)
@PageTitle("Sign in · ProtoHive")
public class SignInView extends VerticalLayout {

  public static final String ROUTE = "login";

  @Inject
  public SignInView(SignInService signIn) {
    LoginForm form = new LoginForm();
    LoginI18n i18n = LoginI18n.createDefault();
    i18n.getForm().setTitle("Sign in to ProtoHive");
    i18n.getForm().setUsername("Email");
    form.setI18n(i18n);
    form.setForgotPasswordButtonVisible(false);
    form.addLoginListener(
        event ->
            signIn
                .authenticate(event.getUsername(), event.getPassword().toCharArray())
                .ifPresentOrElse(
                    account -> {
                      new SignedInUser(account.id(), account.email()).store();
                      getUI().ifPresent(ui -> ui.navigate(""));
                    },
                    () -> form.setError(true)));

    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    add(form);
  }
}
