package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.protohive.app.plugin.BundleJars;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's declared capabilities before it runs: an inspection shows them and installs nothing,
 * and an update that declares more waits for a platform admin's decision while the running version
 * stays.
 */
@ExtendWith(ArquillianExtension.class)
class PluginCapabilitiesIT {

  @TempDir Path work;

  private String[] admin;
  private String[] tenantAdmin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @BeforeEach
  void signIn() throws Exception {
    admin = PluginsApi.platformAdmin();
    tenantAdmin = PluginsApi.newTenantAdmin("capabilities");
  }

  @AfterEach
  void removeTestPluginAndItsUpdates() throws Exception {
    for (JsonNode update :
        Platform.json(Platform.get("api/v1/plugins/updates", admin)).get("items")) {
      Platform.send("DELETE", "api/v1/plugins/updates/" + update.get("id").asText(), null, admin);
    }
    PluginsApi.remove(MISBEHAVING_ID, admin);
  }

  @Test
  void anInspectionShowsWhatAJarDeclaresAndInstallsNothing() throws Exception {
    HttpResponse<String> inspected = PluginsApi.inspect(MISBEHAVING, admin);

    assertThat(inspected.statusCode()).as(inspected.body()).isEqualTo(200);
    JsonNode inspection = Platform.json(inspected);
    assertThat(inspection.get("id").asText()).isEqualTo(MISBEHAVING_ID);
    assertThat(inspection.get("signature").asText()).isEqualTo("TRUSTED");
    assertThat(inspection.get("signer").asText()).contains("CN=ProtoHive Development");
    assertThat(inspection.get("capabilities").get("consequentialTools").toString())
        .contains("misbehaving.check-token");
    assertThat(inspection.get("needsApproval").asBoolean()).isFalse();
    assertThat(PluginsApi.installed(MISBEHAVING_ID, admin)).isFalse();
    assertThat(
            PlatformIT.query(
                "select count(*) from plugin_bundle where plugin_id = '" + MISBEHAVING_ID + "'"))
        .isEqualTo("0");
    assertThat(PluginsApi.inspect(MISBEHAVING, tenantAdmin).statusCode()).isEqualTo(403);
    HttpResponse<String> unsigned =
        PluginsApi.inspect(BundleJars.unsigned(MISBEHAVING, work.resolve("u.jar")), admin);
    assertThat(unsigned.statusCode()).isEqualTo(400);
    assertThat(unsigned.body()).contains("not signed").doesNotContain("Exception");
  }

  @Test
  void anUpdateThatAddsAHostWaitsForAPlatformAdminWhileTheRunningVersionStays() throws Exception {
    assertThat(PluginsApi.upload(MISBEHAVING, admin).statusCode()).isEqualTo(201);
    String running =
        Platform.json(Platform.get("api/v1/plugins/" + MISBEHAVING_ID, admin))
            .get("version")
            .asText();
    Path wider =
        BundleJars.withHeaders(
            MISBEHAVING,
            Map.of("Bundle-Version", "9.2.0", "ProtoHive-Network-Hosts", "collector.example.net"),
            BundleJars.DEVELOPMENT,
            work.resolve("wider.jar"));

    JsonNode inspection = Platform.json(PluginsApi.inspect(wider, admin));
    assertThat(inspection.get("needsApproval").asBoolean()).isTrue();
    assertThat(inspection.get("installedVersion").asText()).isEqualTo(running);
    HttpResponse<String> uploaded = PluginsApi.upload(wider, admin);

    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    JsonNode held = Platform.json(uploaded);
    assertThat(held.get("addedCapabilities").get("networkHosts").toString())
        .isEqualTo("[\"collector.example.net\"]");
    assertThat(uploaded.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v1/plugins/updates/" + held.get("id").asText());
    assertThat(
            Platform.json(Platform.get("api/v1/plugins/" + MISBEHAVING_ID, tenantAdmin))
                .get("version")
                .asText())
        .isEqualTo(running);
    assertThat(Platform.json(Platform.get("api/v1/plugins/updates", admin)).get("items"))
        .extracting(u -> u.get("version").asText())
        .containsExactly("9.2.0");
    assertThat(Platform.get("api/v1/plugins/updates", tenantAdmin).statusCode()).isEqualTo(403);
    assertThat(
            Platform.send(
                    "POST",
                    "api/v1/plugins/updates/" + held.get("id").asText() + "/approve",
                    null,
                    tenantAdmin)
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> approved =
        Platform.send(
            "POST", "api/v1/plugins/updates/" + held.get("id").asText() + "/approve", null, admin);

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    assertThat(Platform.json(approved).get("version").asText()).isEqualTo("9.2.0");
    assertThat(
            PlatformIT.query(
                "select version from plugin_bundle where plugin_id = '" + MISBEHAVING_ID + "'"))
        .isEqualTo("9.2.0");
    assertThat(Platform.json(Platform.get("api/v1/plugins/updates", admin)).get("items")).isEmpty();
  }

  @Test
  void aRejectedUpdateThatRunsCodeNeverReplacesTheRunningVersion() throws Exception {
    assertThat(PluginsApi.upload(MISBEHAVING, admin).statusCode()).isEqualTo(201);
    Path coder =
        BundleJars.withHeaders(
            MISBEHAVING,
            Map.of("Bundle-Version", "9.3.0", "ProtoHive-Executes-Code", "true"),
            BundleJars.DEVELOPMENT,
            work.resolve("coder.jar"));
    HttpResponse<String> uploaded = PluginsApi.upload(coder, admin);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(202);
    String id = Platform.json(uploaded).get("id").asText();

    assertThat(Platform.send("DELETE", "api/v1/plugins/updates/" + id, null, admin).statusCode())
        .isEqualTo(204);

    assertThat(
            Platform.json(Platform.get("api/v1/plugins/" + MISBEHAVING_ID, admin))
                .get("version")
                .asText())
        .isNotEqualTo("9.3.0");
    assertThat(Platform.get("api/v1/plugins/updates/" + id, admin).statusCode()).isEqualTo(404);
    assertThat(
            PlatformIT.query(
                "select count(*) from plugin_update where plugin_id = '" + MISBEHAVING_ID + "'"))
        .isEqualTo("0");
  }
}
