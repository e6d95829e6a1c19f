package io.protohive.ui.platform;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.provisioning.TenantDraft;
import io.protohive.kernel.provisioning.TenantView;
import io.protohive.ui.layout.FieldErrors;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A tenant's fields as platform admins set them; lists are typed comma-separated. */
final class TenantForm extends FormLayout {

  private final TextField slug = new TextField("Slug");
  private final TextField name = new TextField("Name");
  private final TextField admins = new TextField("Admins");
  private final TextField domains = new TextField("Allowed email domains");
  private final Checkbox selfSignup = new Checkbox("People may sign up by themselves");
  private final Checkbox emailVerification = new Checkbox("New accounts verify their email", true);

  /**
   * @param prefix of the fields' ids, so that two forms on a page stay apart
   */
  TenantForm(String prefix, TenantView existing) {
    slug.setId(prefix + "-slug");
    slug.setHelperText("Lower-case letters, digits and hyphens; people sign in with it");
    name.setId(prefix + "-name");
    admins.setId(prefix + "-admins");
    admins.setHelperText("Emails, separated by commas");
    domains.setId(prefix + "-domains");
    domains.setHelperText("Empty allows any domain");
    selfSignup.setId(prefix + "-self-signup");
    emailVerification.setId(prefix + "-email-verification");
    if (existing != null) {
      slug.setValue(existing.slug());
      slug.setReadOnly(true);
      name.setValue(existing.name());
      admins.setValue(String.join(", ", existing.admins()));
      domains.setValue(String.join(", ", existing.allowedEmailDomains()));
      selfSignup.setValue(existing.selfSignup());
      emailVerification.setValue(existing.emailVerification());
    }
    add(slug, name, admins, domains, selfSignup, emailVerification);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
  }

  /** What the form says, as a draft; {@code disabled} is left as it is. */
  TenantDraft draft() {
    return new TenantDraft(
        slug.getValue().strip(),
        name.getValue(),
        null,
        selfSignup.getValue(),
        emailVerification.getValue(),
        list(domains.getValue()),
        list(admins.getValue()));
  }

  void clear() {
    List.of(slug, name, admins, domains).forEach(TextField::clear);
    selfSignup.setValue(false);
    emailVerification.setValue(true);
  }

  void show(Rejection rejection, Consumer<String> elsewhere) {
    Map<String, HasValidation> fields =
        Map.of(
            "slug", slug,
            "name", name,
            "admins", admins,
            "allowedEmailDomains", domains);
    FieldErrors.show(rejection, fields, elsewhere);
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
