package io.protohive.ui.account;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import io.protohive.kernel.identity.AccountService;
import io.protohive.kernel.identity.AccountView;
import io.protohive.kernel.identity.Credentials;
import io.protohive.kernel.identity.SignInService;
import io.protohive.kernel.platform.Rejection;
import io.protohive.ui.layout.FieldErrors;
import io.protohive.ui.signin.SignInView;
import io.protohive.ui.signin.SignedInUser;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** Sign-up in a tenant that allows it. */
@Route(SignUpView.ROUTE)
@PageTitle("Create an account · ProtoHive")
public class SignUpView extends VerticalLayout {

  public static final String ROUTE = "signup";

  @Inject
  public SignUpView(AccountService accounts, SignInService signIn) {
    TextField tenant = new TextField("Tenant", "demo", "");
    tenant.setId("signup-tenant");
    TextField name = new TextField("Your name");
    name.setId("signup-name");
    EmailField email = new EmailField("Email");
    email.setId("signup-email");
    PasswordField password = new PasswordField("Password");
    password.setId("signup-password");
    password.setHelperText(
        "At least " + Credentials.MIN_PASSWORD_LENGTH + " characters; a few words work well.");
    Paragraph outcome = new Paragraph();
    outcome.setId("signup-outcome");

    Button create = new Button("Create account");
    create.setId("signup-submit");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickListener(
        click -> {
          try {
            String address = VaadinRequest.getCurrent().getRemoteAddr();
            AccountView account =
                accounts.register(
                    email.getValue(),
                    password.getValue(),
                    name.getValue(),
                    tenant.getValue(),
                    address);
            create.setEnabled(false);
            if (!account.emailVerified()) {
              outcome.setText("Check your mail: we sent a link to verify " + account.email() + ".");
              return;
            }
            // nothing left to prove: straight to the person's home page
            SignedInUser.signIn(
                signIn.signIn(
                    account.email(),
                    password.getValue().toCharArray(),
                    Optional.of(tenant.getValue()),
                    address));
            getUI().ifPresent(ui -> ui.getPage().setLocation("/"));
          } catch (Rejection rejection) {
            FieldErrors.show(
                rejection,
                Map.of("tenant", tenant, "displayName", name, "email", email, "password", password),
                outcome::setText);
          }
        });

    VerticalLayout form =
        new VerticalLayout(
            new H2("Create an account"),
            tenant,
            name,
            email,
            password,
            create,
            outcome,
            new Anchor(SignInView.ROUTE, "Sign in instead"));
    form.setMaxWidth("420px");
    form.getChildren().filter(c -> c instanceof HasSize).forEach(c -> ((HasSize) c).setWidthFull());
    setAlignItems(FlexComponent.Alignment.CENTER);
    add(form);
  }
}
