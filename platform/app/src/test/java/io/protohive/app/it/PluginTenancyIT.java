package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A plugin is switched on and configured per tenant: another tenant neither sees nor calls its
 * tools nor reads its settings, and a secret, once saved, appears in no response and no log line.
 */
@ExtendWith(ArquillianExtension.class)
class PluginTenancyIT {

  private String[] admin;
  private String[] alice;
  private String[] bob;
  private final List<String> responses = new ArrayList<>();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void installAndSignIn() throws Exception {
    admin = PluginsApi.platformAdmin();
    assertThat(PluginsApi.upload(MISBEHAVING, admin).statusCode()).isEqualTo(201);
    alice = PluginsApi.newTenantAdmin("alpha");
    bob = PluginsApi.newTenantAdmin("beta");
  }

  @AfterEach
  void remove() throws Exception {
    PluginsApi.remove(MISBEHAVING_ID, admin);
  }

  @Test
  void aToolEnabledByOneTenantIsInvisibleAndUnusableForAnother() throws Exception {
    assertThat(
            PluginsApi.configure(
                    MISBEHAVING_ID, "{\"enabled\":true,\"config\":{\"token\":\"abc\"}}", alice)
                .statusCode())
        .isEqualTo(200);

    assertThat(PluginsApi.toolAvailable("misbehaving.check-token", alice)).isTrue();
    assertThat(PluginsApi.toolAvailable("misbehaving.check-token", bob)).isFalse();
    HttpResponse<String> foreign = PluginsApi.invoke("misbehaving.check-token", "{}", bob);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain("characters");
    JsonNode bobsView = Platform.json(Platform.get("api/v1/tenant/plugins/" + MISBEHAVING_ID, bob));
    assertThat(bobsView.get("enabled").asBoolean()).isFalse();
    assertThat(bobsView.get("secretsSet")).isEmpty();
    assertThat(bobsView.get("values")).isEmpty();
  }

  @Test
  void aSecretIsUsedByTheToolButNeverReturnedNorLogged() throws Exception {
    String secret = "s3cret-" + UUID.randomUUID();
    record(
        PluginsApi.configure(
            MISBEHAVING_ID,
            "{\"enabled\":true,\"config\":{\"token\":\""
                + secret
                + "\",\"greeting\":\"hi\",\"retries\":\"5\"}}",
            alice));

    HttpResponse<String> settings =
        record(Platform.get("api/v1/tenant/plugins/" + MISBEHAVING_ID, alice));
    JsonNode view = Platform.json(settings);
    assertThat(view.get("secretsSet").toString()).isEqualTo("[\"token\"]");
    assertThat(view.get("values").get("greeting").asText()).isEqualTo("hi");
    assertThat(view.get("properties").findValuesAsText("key")).contains("token", "greeting");

    JsonNode call =
        Platform.json(record(PluginsApi.invoke("misbehaving.check-token", "{}", alice)));
    assertThat(call.get("content").asText())
        .isEqualTo("hi, the token has " + secret.length() + " characters");

    // changing a plain value keeps the secret
    record(PluginsApi.configure(MISBEHAVING_ID, "{\"config\":{\"greeting\":\"hey\"}}", alice));
    assertThat(
            Platform.json(record(PluginsApi.invoke("misbehaving.check-token", "{}", alice)))
                .get("content")
                .asText())
        .isEqualTo("hey, the token has " + secret.length() + " characters");
    record(Platform.get("api/v1/tenant/audit", alice));
    record(Platform.get("api/v1/plugins", alice));

    assertThat(responses).noneMatch(body -> body.contains(secret));
    assertThat(
            PlatformIT.query(
                "select secrets::text from tenant_plugin where plugin_id = '"
                    + MISBEHAVING_ID
                    + "' and secrets::text like '%v1:%'"))
        .doesNotContain(secret);
    Platform.assertNotLogged(secret);
  }

  @Test
  void settingsAreCheckedAgainstThePluginsDescriptors() throws Exception {
    assertThat(PluginsApi.configure(MISBEHAVING_ID, "{\"enabled\":true}", alice).statusCode())
        .as("the required token is missing")
        .isEqualTo(400);
    assertThat(
            PluginsApi.configure(MISBEHAVING_ID, "{\"config\":{\"nonsense\":\"1\"}}", alice)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> notANumber =
        PluginsApi.configure(MISBEHAVING_ID, "{\"config\":{\"retries\":\"many\"}}", alice);
    assertThat(notANumber.statusCode()).isEqualTo(400);
    assertThat(notANumber.body()).contains("config.retries");
    assertThat(PluginsApi.configure(MISBEHAVING_ID, "{\"enabled\":true}", bob).statusCode())
        .isEqualTo(400);
    assertThat(PluginsApi.toolAvailable("misbehaving.check-token", alice)).isFalse();
  }

  private HttpResponse<String> record(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    responses.add(response.body());
    return response;
  }
}
