package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tenant admins declared in tenants-config manage their tenant's users, and only theirs. */
@ExtendWith(ArquillianExtension.class)
class TenantAdminIT {

  private static final String PASSWORD = Accounts.PASSWORD;

  private String tenant;
  private String bossEmail;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithAnAdmin() throws Exception {
    bossEmail = Accounts.newEmail("boss", "example.com");
    tenant = Accounts.tenant("managed", false, bossEmail);
  }

  @Test
  void anAdminDisablesAndEnablesAUserOfTheTenant() throws Exception {
    String boss = token(signUp(bossEmail, tenant), bossEmail);
    String workerEmail = "worker-" + UUID.randomUUID() + "@example.com";
    String workerId = signUp(workerEmail, tenant);
    String demoUser = "demo-" + UUID.randomUUID() + "@example.com";
    signUp(demoUser, "demo");

    JsonNode users = Platform.json(get("api/v1/tenant/users", boss));
    assertThat(users.get("items").findValuesAsText("email"))
        .containsExactlyInAnyOrder(bossEmail, workerEmail)
        .doesNotContain(demoUser);

    assertThat(patch("api/v1/tenant/users/" + workerId, "{\"disabled\":true}", boss).statusCode())
        .isEqualTo(200);
    assertThat(login(workerEmail).statusCode()).isEqualTo(401);
    assertThat(patch("api/v1/tenant/users/" + workerId, "{\"disabled\":false}", boss).statusCode())
        .isEqualTo(200);
    assertThat(login(workerEmail).statusCode()).isEqualTo(200);

    JsonNode audit = Platform.json(get("api/v1/tenant/audit", boss));
    assertThat(audit.get("items").findValuesAsText("action"))
        .contains("USER_DISABLED", "USER_ENABLED", "SIGN_IN", "SIGN_UP");
    assertThat(audit.toString()).doesNotContain(demoUser);
  }

  @Test
  void anAdminCannotDisableThemselvesNorAnotherTenantsUser() throws Exception {
    String bossId = signUp(bossEmail, tenant);
    String boss = token(bossId, bossEmail);
    String strangerId = signUp("stranger-" + UUID.randomUUID() + "@example.com", "demo");

    assertThat(patch("api/v1/tenant/users/" + bossId, "{\"disabled\":true}", boss).statusCode())
        .isEqualTo(400);
    assertThat(patch("api/v1/tenant/users/" + strangerId, "{\"disabled\":true}", boss).statusCode())
        .isEqualTo(404);
    assertThat(patch("api/v1/tenant/users/" + strangerId, "{}", boss).statusCode()).isEqualTo(400);
  }

  @Test
  void anAdminInvitesAPersonWhoChoosesAPasswordThroughTheMailedLink() throws Exception {
    String boss = token(signUp(bossEmail, tenant), bossEmail);
    String invitee = "new-" + UUID.randomUUID() + "@example.com";

    HttpResponse<String> invited =
        Platform.send(
            "POST",
            "api/v1/tenant/users",
            "{\"email\":\"" + invitee + "\"}",
            "Authorization",
            "Bearer " + boss);
    assertThat(invited.statusCode()).isEqualTo(201);
    assertThat(
            Platform.send(
                    "POST",
                    "api/v1/tenant/users",
                    "{\"email\":\"" + invitee + "\"}",
                    "Authorization",
                    "Bearer " + boss)
                .statusCode())
        .isEqualTo(409);
    assertThat(login(invitee).statusCode()).as("no password yet").isEqualTo(401);

    String body =
        PlatformIT.query(
            "select body from mail_message where recipient = '"
                + invitee
                + "' order by created_at desc limit 1");
    String marker = "/reset-password?token=";
    String line = body.lines().filter(l -> l.contains(marker)).findFirst().orElseThrow();
    String linkToken = line.substring(line.indexOf(marker) + marker.length()).strip();
    assertThat(
            Platform.post(
                    "api/v1/auth/reset-password",
                    "{\"token\":\"" + linkToken + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(login(invitee).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminSwitchesAnInstalledPluginOnForTheTenantOnly() throws Exception {
    String boss = token(signUp(bossEmail, tenant), bossEmail);
    String otherEmail = Accounts.newEmail("other", "example.com");
    // not the demo tenant, whose tenants-config file enables the clock
    String other = token(signUp(otherEmail, Accounts.tenant("other", false, "")), otherEmail);
    String clock = "api/v1/tenant/plugins/io.protohive.plugins.tool-clock";

    assertThat(enabled(boss)).isFalse();
    HttpResponse<String> on = Platform.send("PUT", clock, "{\"enabled\":true}", bearer(boss));
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(enabled(boss)).isTrue();
    assertThat(enabled(other)).as("another tenant").isFalse();

    assertThat(Platform.send("PUT", clock, "{\"enabled\":true}", bearer(other)).statusCode())
        .as("not an admin")
        .isEqualTo(403);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/plugins/no.such.plugin",
                    "{\"enabled\":true}",
                    bearer(boss))
                .statusCode())
        .isEqualTo(404);
    assertThat(Platform.send("PUT", clock, "{}", bearer(boss)).statusCode()).isEqualTo(400);
    assertThat(Platform.send("PUT", clock, "{\"enabled\":false}", bearer(boss)).statusCode())
        .isEqualTo(200);
    assertThat(enabled(boss)).isFalse();
  }

  private static boolean enabled(String token) throws Exception {
    JsonNode plugins = Platform.json(Platform.send("GET", "api/v1/plugins", null, bearer(token)));
    for (JsonNode plugin : plugins.get("items")) {
      if (plugin.get("id").asText().equals("io.protohive.plugins.tool-clock")) {
        return plugin.get("enabled").asBoolean();
      }
    }
    throw new AssertionError("the clock plugin is not listed: " + plugins);
  }

  private static String[] bearer(String token) {
    return new String[] {"Authorization", "Bearer " + token};
  }

  @Test
  void aUserWhoIsNotAnAdminIsRefused() throws Exception {
    String email = "worker-" + UUID.randomUUID() + "@example.com";
    String worker = token(signUp(email, tenant), email);

    assertThat(get("api/v1/tenant/users", worker).statusCode()).isEqualTo(403);
    assertThat(get("api/v1/tenant/audit", worker).statusCode()).isEqualTo(403);
    assertThat(
            Platform.send(
                    "POST",
                    "api/v1/tenant/users",
                    "{\"email\":\"x@example.com\"}",
                    "Authorization",
                    "Bearer " + worker)
                .statusCode())
        .isEqualTo(403);
    JsonNode me = Platform.json(get("api/v1/me", worker));
    assertThat(me.get("roles").toString()).doesNotContain("tenant-admin");
  }

  private String signUp(String email, String tenantSlug) throws Exception {
    HttpResponse<String> created = Accounts.register(email, PASSWORD, tenantSlug);
    assertThat(created.statusCode()).isEqualTo(201);
    return Platform.json(created).get("id").asText();
  }

  private static HttpResponse<String> login(String email) throws Exception {
    return Accounts.login(email, PASSWORD);
  }

  private static String token(String id, String email) throws Exception {
    HttpResponse<String> response = login(email);
    assertThat(response.statusCode()).isEqualTo(200);
    return Platform.json(response).get("accessToken").asText();
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return Platform.send("GET", path, null, "Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> patch(String path, String body, String token)
      throws Exception {
    return Platform.send("PATCH", path, body, "Authorization", "Bearer " + token);
  }
}
