package io.protohive.ui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import io.protohive.kernel.provisioning.TenantDraft;
import io.protohive.kernel.provisioning.TenantView;
import io.protohive.kernel.tenancy.Tenant;
import io.protohive.ui.ComponentTree;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantFormTest {

  private static final List<String> STORES = List.of("disk", "s3");

  @Test
  void aNewTenantLeftEmptyTakesThePlatformsFileDefaults() {
    TenantForm form = new TenantForm("tenant", null, STORES);
    ComponentTree.<TextField>byId(form, "tenant-slug").setValue("acme");
    ComponentTree.<TextField>byId(form, "tenant-name").setValue("Acme");

    TenantDraft draft = form.draft();

    assertThat(draft.fileQuotaBytes()).isNull();
    assertThat(draft.clearFileQuota()).isTrue();
    assertThat(draft.fileStore()).isNull();
    assertThat(draft.clearFileStore()).isTrue();
  }

  @Test
  void showsATenantsQuotaInItsUnitAndWhatItsFilesTake() {
    TenantForm form = new TenantForm("tenant", tenant(5L << 30, "s3", 3L << 20), STORES);

    NumberField quota = ComponentTree.byId(form, "tenant-file-quota");
    assertThat(quota.getValue()).isEqualTo(5.0);
    assertThat(
            ComponentTree.<Select<TenantForm.QuotaUnit>>byId(form, "tenant-file-quota-unit")
                .getValue())
        .isEqualTo(TenantForm.QuotaUnit.GIB);
    assertThat(quota.getHelperText()).contains("3 MiB");
    assertThat(ComponentTree.<Select<String>>byId(form, "tenant-file-store").getValue())
        .isEqualTo("s3");
    assertThat(form.draft().fileQuotaBytes()).isEqualTo(5L << 30);
    assertThat(form.draft().fileStore()).isEqualTo("s3");
  }

  @Test
  void aQuotaInMebibytesBecomesBytesAndTheDefaultStoreClearsTheTenants() {
    TenantForm form = new TenantForm("tenant", tenant(null, "s3", 0L), STORES);
    ComponentTree.<NumberField>byId(form, "tenant-file-quota").setValue(1.5);
    ComponentTree.<Select<TenantForm.QuotaUnit>>byId(form, "tenant-file-quota-unit")
        .setValue(TenantForm.QuotaUnit.MIB);
    ComponentTree.<Select<String>>byId(form, "tenant-file-store")
        .setValue(TenantForm.DEFAULT_STORE);

    TenantDraft draft = form.draft();

    assertThat(draft.fileQuotaBytes()).isEqualTo(3L << 19);
    assertThat(draft.clearFileQuota()).isFalse();
    assertThat(draft.fileStore()).isNull();
    assertThat(draft.clearFileStore()).isTrue();
  }

  private static TenantView tenant(Long quotaBytes, String store, long used) {
    return new TenantView(
        UUID.randomUUID(),
        "acme",
        "Acme",
        Tenant.Origin.API,
        false,
        false,
        true,
        List.of(),
        List.of(),
        quotaBytes,
        store,
        used,
        Instant.now(),
        Instant.now());
  }
}
