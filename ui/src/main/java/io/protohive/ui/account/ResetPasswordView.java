package io.protohive.ui.account;

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
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.AccountRecovery;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.signin.SignInView;
import jakarta.inject.Inject;
import java.util.Map;

/** Where the reset link lands: sets a new password. */
@Route("reset-password")
@PageTitle("Reset password · ProtoHive")
public class ResetPasswordView extends VerticalLayout implements BeforeEnterObserver {

  private String token = "";

  @Inject
  public ResetPasswordView(AccountRecovery recovery) {
    PasswordField password = new PasswordField("New password");
    Paragraph outcome = new Paragraph();
    Button save = new Button("Set password");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(
        click -> {
          try {
            recovery.resetPassword(
                token, password.getValue(), VaadinRequest.getCurrent().getRemoteAddr());
            outcome.setText("Your password is changed, and every session signed out. Sign in.");
            save.setEnabled(false);
          } catch (Rejection rejection) {
            FieldErrors.show(rejection, Map.of("password", password), outcome::setText);
          }
        });
    add(
        new H2("Choose a new password"),
        password,
        save,
        outcome,
        new Anchor(SignInView.ROUTE, "Sign in"));
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
  }
}
