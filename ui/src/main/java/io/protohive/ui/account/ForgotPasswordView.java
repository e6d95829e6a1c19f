package io.protohive.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.protohive.kernel.identity.AccountRecovery;
import io.protohive.ui.signin.SignInView;
import jakarta.inject.Inject;
import java.util.Optional;

/** Asks for a password reset link. */
@Route("forgot-password")
@PageTitle("Forgot password · ProtoHive")
public class ForgotPasswordView extends VerticalLayout {

  @Inject
  public ForgotPasswordView(AccountRecovery recovery) {
    EmailField email = new EmailField("Email");
    TextField tenant = new TextField("Tenant (if your email has accounts in several)");
    Paragraph outcome = new Paragraph();
    Button send = new Button("Send a reset link");
    send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    send.addClickListener(
        click -> {
          recovery.requestPasswordReset(email.getValue(), Optional.of(tenant.getValue()));
          outcome.setText("If an account has this address, a reset link is on its way.");
        });
    add(
        new H2("Forgot your password?"),
        email,
        tenant,
        send,
        outcome,
        new Anchor(SignInView.ROUTE, "Back to sign in"));
  }
}
