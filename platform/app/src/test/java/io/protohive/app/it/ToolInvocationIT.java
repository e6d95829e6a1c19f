package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A person calling a tool through the API does so for an organization they belong to, under the
 * approval policy agents work under, and leaves an audit entry: a member of no organization, or a
 * plain member, cannot run what an agent would have to ask a person for.
 */
@ExtendWith(ArquillianExtension.class)
class ToolInvocationIT {

  private static final String HTTP_ID = "io.protohive.plugins.tool-http";

  private PluginsApi.TenantAdmin owner;
  private String[] member;
  private String[] outsider;
  private String organizationId;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void tenantWithHeldTools() throws Exception {
    owner = PluginsApi.newTenantAdminAccount("tools");
    String tenant = owner.tenant();
    assertThat(
            PluginsApi.configure(PluginsApi.CLOCK_ID, "{\"enabled\":true}", owner.bearer())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            PluginsApi.configure(
                    HTTP_ID,
                    "{\"enabled\":true,\"config\":{\"allowedHosts\":\"example.com\"}}",
                    owner.bearer())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/approval-tools",
                    "{\"toolIds\":[\"clock.now\"]}",
                    owner.bearer())
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> created =
        Platform.post("api/v1/organizations", "{\"name\":\"Acme\"}", owner.bearer());
    organizationId = Platform.json(created).get("id").asText();
    String memberEmail = "member-" + UUID.randomUUID() + "@example.com";
    member = signUp(memberEmail, tenant);
    assertThat(
            Platform.post(
                    "api/v1/organizations/" + organizationId + "/members",
                    "{\"email\":\"" + memberEmail + "\",\"role\":\"MEMBER\"}",
                    owner.bearer())
                .statusCode())
        .isEqualTo(201);
    outsider = signUp("outsider-" + UUID.randomUUID() + "@example.com", tenant);
  }

  @Test
  void aCallNamesItsOrganization() throws Exception {
    HttpResponse<String> response = PluginsApi.invokeFor(null, "clock.now", "{}", owner.bearer());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(response).get("errors").has("organizationId")).isTrue();
  }

  @Test
  void someoneOutsideTheOrganizationCannotCallForIt() throws Exception {
    HttpResponse<String> response =
        PluginsApi.invokeFor(organizationId, "clock.now", "{}", outsider);

    assertThat(response.statusCode()).isEqualTo(404);
    String[] foreigner = PluginsApi.newTenantAdmin("foreign");
    assertThat(PluginsApi.invokeFor(organizationId, "clock.now", "{}", foreigner).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aMemberCannotRunToolsThatWaitForApproval() throws Exception {
    HttpResponse<String> held = PluginsApi.invokeFor(organizationId, "clock.now", "{}", member);
    HttpResponse<String> consequential =
        PluginsApi.invokeFor(
            organizationId, "http.post", "{\"url\":\"https://example.com/\"}", member);

    assertThat(held.statusCode()).isEqualTo(403);
    assertThat(held.body()).contains("approval");
    assertThat(consequential.statusCode()).isEqualTo(403);
  }

  @Test
  void theOrganizationsOwnerMayRunAHeldToolAndTheCallIsAudited() throws Exception {
    HttpResponse<String> response =
        PluginsApi.invokeFor(organizationId, "clock.now", "{}", owner.bearer());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Platform.json(response).get("status").asText()).isEqualTo("OK");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode audit =
                  Platform.json(
                      Platform.get("api/v1/tenant/audit?action=TOOL_INVOKED", owner.bearer()));
              assertThat(audit.get("items").toString())
                  .contains("TOOL_INVOKED")
                  .contains("clock.now")
                  .contains(organizationId);
            });
  }

  private static String[] signUp(String email, String tenant) throws Exception {
    assertThat(Accounts.register(email, Accounts.PASSWORD, tenant).statusCode()).isEqualTo(201);
    HttpResponse<String> login = Accounts.login(email, Accounts.PASSWORD);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }
}
