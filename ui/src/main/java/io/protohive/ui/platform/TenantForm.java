package io.protohive.ui.platform;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.file.Sizes;
import io.protohive.kernel.platform.Rejection;
import io.protohive.kernel.provisioning.TenantDraft;
import io.protohive.kernel.provisioning.TenantView;
import io.protohive.ui.layout.FieldErrors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tenant's fields as platform admins set them; lists are typed comma-separated. The files' quota
 * and store left empty take the platform's defaults.
 */
final class TenantForm extends FormLayout {

  /** The units the quota is typed in. */
  enum QuotaUnit {
    MIB(1L << 20, "MiB"),
    GIB(1L << 30, "GiB");

    final long bytes;
    final String label;

    QuotaUnit(long bytes, String label) {
      this.bytes = bytes;
      this.label = label;
    }
  }

  static final String DEFAULT_STORE = "Platform default";

  private final TextField slug = new TextField("Slug");
  private final TextField name = new TextField("Name");
  private final TextField admins = new TextField("Admins");
  private final TextField domains = new TextField("Allowed email domains");
  private final Checkbox selfSignup = new Checkbox("People may sign up by themselves");
  private final Checkbox emailVerification = new Checkbox("New accounts verify their email", true);
  private final NumberField quota = new NumberField("File quota");
  private final Select<QuotaUnit> quotaUnit = new Select<>();
  private final Select<String> store = new Select<>();

  /**
   * @param prefix of the fields' ids, so that two forms on a page stay apart
   * @param stores the file stores the platform has, by name
   */
  TenantForm(String prefix, TenantView existing, List<String> stores) {
    slug.setId(prefix + "-slug");
    slug.setHelperText("Lower-case letters, digits and hyphens; people sign in with it");
    name.setId(prefix + "-name");
    admins.setId(prefix + "-admins");
    admins.setHelperText("Emails, separated by commas");
    domains.setId(prefix + "-domains");
    domains.setHelperText("Empty allows any domain");
    selfSignup.setId(prefix + "-self-signup");
    emailVerification.setId(prefix + "-email-verification");
    quota.setId(prefix + "-file-quota");
    quota.setMin(0);
    quota.setHelperText(used(existing));
    quotaUnit.setId(prefix + "-file-quota-unit");
    quotaUnit.setLabel("Unit");
    quotaUnit.setItems(QuotaUnit.values());
    quotaUnit.setItemLabelGenerator(unit -> unit.label);
    quotaUnit.setValue(QuotaUnit.GIB);
    store.setId(prefix + "-file-store");
    store.setLabel("File store");
    store.setHelperText("Where new files' bytes go; older files stay where they are");
    List<String> choices = new ArrayList<>(List.of(DEFAULT_STORE));
    choices.addAll(stores);
    if (existing != null
        && existing.fileStore() != null
        && !stores.contains(existing.fileStore())) {
      choices.add(existing.fileStore());
    }
    store.setItems(choices);
    store.setValue(DEFAULT_STORE);
    if (existing != null) {
      slug.setValue(existing.slug());
      slug.setReadOnly(true);
      name.setValue(existing.name());
      admins.setValue(String.join(", ", existing.admins()));
      domains.setValue(String.join(", ", existing.allowedEmailDomains()));
      selfSignup.setValue(existing.selfSignup());
      emailVerification.setValue(existing.emailVerification());
      if (existing.fileQuotaBytes() != null) {
        QuotaUnit unit =
            existing.fileQuotaBytes() % QuotaUnit.GIB.bytes == 0 ? QuotaUnit.GIB : QuotaUnit.MIB;
        quotaUnit.setValue(unit);
        quota.setValue((double) existing.fileQuotaBytes() / unit.bytes);
      }
      if (existing.fileStore() != null) {
        store.setValue(existing.fileStore());
      }
    }
    add(slug, name, admins, domains, selfSignup, emailVerification, quota, quotaUnit, store);
    setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
  }

  private static String used(TenantView existing) {
    String empty = "Empty takes the platform's default";
    if (existing == null || existing.fileBytesUsed() == null) {
      return empty;
    }
    return empty + "; its files take " + Sizes.readable(existing.fileBytesUsed()) + " now";
  }

  /** What the form says, as a draft; {@code disabled} is left as it is. */
  TenantDraft draft() {
    Long quotaBytes =
        quota.getValue() == null ? null : Math.round(quota.getValue() * quotaUnit.getValue().bytes);
    String chosenStore = DEFAULT_STORE.equals(store.getValue()) ? null : store.getValue();
    return new TenantDraft(
        slug.getValue().strip(),
        name.getValue(),
        null,
        selfSignup.getValue(),
        emailVerification.getValue(),
        list(domains.getValue()),
        list(admins.getValue()),
        quotaBytes,
        quotaBytes == null,
        chosenStore,
        chosenStore == null);
  }

  void clear() {
    List.of(slug, name, admins, domains).forEach(TextField::clear);
    selfSignup.setValue(false);
    emailVerification.setValue(true);
    quota.clear();
    quotaUnit.setValue(QuotaUnit.GIB);
    store.setValue(DEFAULT_STORE);
  }

  void show(Rejection rejection, Consumer<String> elsewhere) {
    Map<String, HasValidation> fields =
        Map.of(
            "slug", slug,
            "name", name,
            "admins", admins,
            "allowedEmailDomains", domains,
            "fileQuotaBytes", quota,
            "fileStore", store);
    FieldErrors.show(rejection, fields, elsewhere);
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
