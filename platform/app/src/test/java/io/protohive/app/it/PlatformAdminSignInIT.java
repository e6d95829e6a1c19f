package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform admin's address belongs to the platform admin alone, whatever tenants allow. */
@ExtendWith(ArquillianExtension.class)
class PlatformAdminSignInIT {

  private static final String ADMIN = Accounts.PLATFORM_ADMIN;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void nobodySignsUpWithThePlatformAdminsAddress() throws Exception {
    HttpResponse<String> refused =
        Accounts.register(ADMIN.toUpperCase(), "an impostor's passphrase", "demo");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Platform.json(refused).get("errors").has("email")).isTrue();
    assertThat(accountsWithTheAdminsAddress()).isEqualTo("1");
    assertThat(adminSignIn().statusCode()).isEqualTo(200);
  }

  @Test
  void aTenantAdminCannotInviteThePlatformAdminsAddress() throws Exception {
    String boss = Accounts.newEmail("boss", "example.com");
    String tenant = Accounts.tenant("reserved", false, boss);
    assertThat(Accounts.register(boss, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    String bearer =
        "Bearer "
            + Platform.json(Accounts.login(boss, Accounts.PASSWORD)).get("accessToken").asText();

    HttpResponse<String> refused =
        Platform.post(
            "api/v1/tenant/users", "{\"email\":\"" + ADMIN + "\"}", "Authorization", bearer);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(accountsWithTheAdminsAddress()).isEqualTo("1");
  }

  @Test
  void signingInWithoutATenantReachesThePlatformAdminEvenWhenATenantHasItsAddress()
      throws Exception {
    // as an account made before the address was reserved would be
    String tenant = Accounts.tenant("impostor", false, "");
    String impostor = UUID.randomUUID().toString();
    PlatformIT.execute(
        "insert into user_account (id, tenant_id, email, display_name, password_hash,"
            + " platform_admin, email_verified, created_at) values ('"
            + impostor
            + "', (select id from tenant where slug = '"
            + tenant
            + "'), '"
            + ADMIN
            + "', 'Impostor', 'none', false, true, now())");
    try {
      HttpResponse<String> signedIn = adminSignIn();

      assertThat(signedIn.statusCode()).isEqualTo(200);
      JsonNode me =
          Platform.json(
              Platform.get(
                  "api/v1/me",
                  "Authorization",
                  "Bearer " + Platform.json(signedIn).get("accessToken").asText()));
      assertThat(me.get("roles").toString()).contains("platform-admin");
      assertThat(me.get("id").asText()).isNotEqualTo(impostor);
    } finally {
      PlatformIT.execute("delete from user_account where id = '" + impostor + "'");
    }
  }

  @Test
  void failedSignInsWithTheAdminsAddressInATenantDoNotLockThePlatformAdminOut() throws Exception {
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(signIn(ADMIN, "wrong password " + attempt, "demo").statusCode()).isEqualTo(401);
    }
    assertThat(signIn(ADMIN, "wrong password 6", "demo").statusCode())
        .as("the address in the tenant is locked")
        .isEqualTo(429);

    assertThat(adminSignIn().statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> adminSignIn() throws Exception {
    return signIn(ADMIN, Accounts.platformAdminPassword(), null);
  }

  private static HttpResponse<String> signIn(String email, String password, String tenant)
      throws Exception {
    return Platform.post(
        "api/v1/auth/login",
        "{\"email\":\""
            + email
            + "\",\"password\":\""
            + password
            + "\""
            + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"")
            + "}");
  }

  private static String accountsWithTheAdminsAddress() throws Exception {
    return PlatformIT.query(
        "select count(*) from user_account where lower(email) = '" + ADMIN + "'");
  }
}
