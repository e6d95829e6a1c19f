package io.protohive.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.protohive.kernel.tenancy.Tenant;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantAdministrationTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final Tenant tenant = new Tenant("acme", Tenant.Origin.CONFIG, NOW);

  TenantAdministrationTest() {
    tenant.setAdminEmails(List.of("boss@acme.example"), NOW);
  }

  @Test
  void anAdminNamedByEmailAdministersTheTenantOnceTheEmailIsVerified() {
    assertThat(TenantAdministration.administers(member("boss@acme.example", true), tenant))
        .isTrue();
  }

  @Test
  void anUnverifiedEmailOfAnAdminGivesNoAdminRights() {
    assertThat(TenantAdministration.administers(member("boss@acme.example", false), tenant))
        .isFalse();
  }

  @Test
  void othersAreNoAdmins() {
    assertThat(TenantAdministration.administers(member("clerk@acme.example", true), tenant))
        .isFalse();
    assertThat(
            TenantAdministration.administers(
                UserAccount.member(
                    new Tenant("other", Tenant.Origin.CONFIG, NOW).id(),
                    "boss@acme.example",
                    "Boss",
                    "hash",
                    true,
                    NOW),
                tenant))
        .as("the same address in another tenant")
        .isFalse();
  }

  private UserAccount member(String email, boolean verified) {
    return UserAccount.member(tenant.id(), email, "Someone", "hash", verified, NOW);
  }
}
