package io.protohive.app.it;

import static io.protohive.app.it.PluginsApi.MISBEHAVING;
import static io.protohive.app.it.PluginsApi.MISBEHAVING_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.app.plugin.BundleJars;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * Plugins installed into the running server, with no restart at any step: dropped into the plugins
 * folder, uploaded, updated and removed; and the jars the server refuses, each with its reason.
 */
@ExtendWith(ArquillianExtension.class)
class PluginLifecycleIT {

  private static final Duration HOT_DEPLOY = Duration.ofSeconds(20);
  private static final String TOKEN_CONFIG = "{\"enabled\":true,\"config\":{\"token\":\"t0k\"}}";

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
    tenantAdmin = PluginsApi.newTenantAdmin("plugins");
  }

  @AfterEach
  void removeTestPlugin() throws Exception {
    PluginsApi.remove(MISBEHAVING_ID, admin);
  }

  @Test
  void aJarDroppedIntoThePluginsFolderBecomesCallableAndDisappearsWhenDeleted() throws Exception {
    Path folder = Platform.DATA_DIR.resolve("plugins");
    Path staging = Files.copy(MISBEHAVING, work.resolve("staging.jar"));
    Path dropped = folder.resolve("test-misbehaving.jar");

    Files.move(staging, dropped, StandardCopyOption.ATOMIC_MOVE);
    try {
      await().atMost(HOT_DEPLOY).until(() -> PluginsApi.installed(MISBEHAVING_ID, tenantAdmin));
      assertThat(PluginsApi.configure(MISBEHAVING_ID, TOKEN_CONFIG, tenantAdmin).statusCode())
          .isEqualTo(200);
      JsonNode call =
          Platform.json(PluginsApi.invoke("misbehaving.check-token", "{}", tenantAdmin));
      assertThat(call.get("status").asText()).isEqualTo("OK");
      assertThat(call.get("content").asText()).isEqualTo("hello, the token has 3 characters");
    } finally {
      Files.delete(dropped);
    }

    await().atMost(HOT_DEPLOY).until(() -> !PluginsApi.installed(MISBEHAVING_ID, tenantAdmin));
    assertThat(PluginsApi.toolAvailable("misbehaving.check-token", tenantAdmin)).isFalse();
    assertThat(PluginsApi.invoke("misbehaving.check-token", "{}", tenantAdmin).statusCode())
        .isEqualTo(404);
  }

  @Test
  void anUploadedPluginIsCallableAtOnceUpdatedInPlaceAndGoneWhenRemoved() throws Exception {
    HttpResponse<String> uploaded = PluginsApi.upload(MISBEHAVING, admin);
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    JsonNode plugin = Platform.json(uploaded);
    assertThat(plugin.get("id").asText()).isEqualTo(MISBEHAVING_ID);
    assertThat(plugin.get("origin").asText()).isEqualTo("UPLOADED");
    assertThat(plugin.get("signer").asText()).contains("CN=ProtoHive Development");
    assertThat(plugin.get("capabilities").get("consequentialTools").toString())
        .contains("misbehaving.check-token");
    assertThat(uploaded.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/v1/plugins/" + MISBEHAVING_ID);
    assertThat(PluginsApi.configure(MISBEHAVING_ID, TOKEN_CONFIG, tenantAdmin).statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.json(PluginsApi.invoke("misbehaving.check-token", "{}", tenantAdmin))
                .get("status")
                .asText())
        .isEqualTo("OK");

    Path next =
        BundleJars.withHeaders(
            MISBEHAVING,
            Map.of("Bundle-Version", "9.1.0"),
            BundleJars.DEVELOPMENT,
            work.resolve("next.jar"));
    HttpResponse<String> updated = PluginsApi.upload(next, admin);
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(201);
    assertThat(Platform.json(updated).get("version").asText()).isEqualTo("9.1.0");
    assertThat(
            Platform.json(Platform.get("api/v1/plugins/" + MISBEHAVING_ID, tenantAdmin))
                .get("version")
                .asText())
        .isEqualTo("9.1.0");
    await()
        .atMost(HOT_DEPLOY)
        .until(() -> PluginsApi.toolAvailable("misbehaving.check-token", tenantAdmin));
    assertThat(
            PlatformIT.query(
                "select version from plugin_bundle where plugin_id = '" + MISBEHAVING_ID + "'"))
        .isEqualTo("9.1.0");

    assertThat(PluginsApi.remove(MISBEHAVING_ID, admin).statusCode()).isEqualTo(204);
    assertThat(PluginsApi.installed(MISBEHAVING_ID, tenantAdmin)).isFalse();
    assertThat(PluginsApi.invoke("misbehaving.check-token", "{}", tenantAdmin).statusCode())
        .isEqualTo(404);
    assertThat(PluginsApi.remove(MISBEHAVING_ID, admin).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyPlatformAdminsInstallAndRemovePlugins() throws Exception {
    assertThat(PluginsApi.upload(MISBEHAVING, tenantAdmin).statusCode()).isEqualTo(403);
    assertThat(PluginsApi.upload(MISBEHAVING).statusCode()).isEqualTo(401);
    assertThat(PluginsApi.remove(PluginsApi.CLOCK_ID, tenantAdmin).statusCode()).isEqualTo(403);
    assertThat(PluginsApi.remove(PluginsApi.CLOCK_ID, admin).statusCode())
        .as("a bundled plugin")
        .isEqualTo(409);
  }

  @Test
  void unsignedTamperedUntrustedAndIncompatibleJarsAreRefusedWithTheirReason() throws Exception {
    assertRefused(BundleJars.unsigned(MISBEHAVING, work.resolve("unsigned.jar")), "not signed");
    assertRefused(BundleJars.tampered(MISBEHAVING, work.resolve("tampered.jar")), "tampered");
    assertRefused(
        BundleJars.signedBy(MISBEHAVING, BundleJars.UNTRUSTED, work.resolve("foreign.jar")),
        "not a trusted publisher");
    assertRefused(
        BundleJars.withHeaders(
            MISBEHAVING,
            Map.of("Import-Package", "io.protohive.plugin.api;version=\"[2.0,3)\""),
            BundleJars.DEVELOPMENT,
            work.resolve("future.jar")),
        "needs plugin SPI [2.0.0,3.0.0)");
    Path notAJar = Files.writeString(work.resolve("notes.jar"), "not a jar");
    assertRefused(notAJar, "not");
    assertThat(PluginsApi.installed(MISBEHAVING_ID, admin)).isFalse();
  }

  @Test
  void aTrustedPartnersSignatureIsAcceptedOnceItsCertificateIsAdded() throws Exception {
    Path partnerJar =
        BundleJars.signedBy(MISBEHAVING, BundleJars.PARTNER, work.resolve("partner.jar"));
    assertRefused(partnerJar, "CN=Example Partner");
    String pem = Files.readString(BundleJars.PARTNER_CERTIFICATE);
    String body =
        new ObjectMapper()
            .writeValueAsString(Map.of("name", "Example Partner", "certificate", pem));
    assertThat(Platform.post("api/v1/platform/publishers", body, tenantAdmin).statusCode())
        .isEqualTo(403);

    HttpResponse<String> trusted = Platform.post("api/v1/platform/publishers", body, admin);
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
    String publisherId = Platform.json(trusted).get("id").asText();
    try {
      assertThat(Platform.post("api/v1/platform/publishers", body, admin).statusCode())
          .as("the same certificate again")
          .isEqualTo(409);
      HttpResponse<String> installed = PluginsApi.upload(partnerJar, admin);
      assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
      assertThat(Platform.json(installed).get("signer").asText()).contains("CN=Example Partner");
    } finally {
      assertThat(
              Platform.send("DELETE", "api/v1/platform/publishers/" + publisherId, null, admin)
                  .statusCode())
          .isEqualTo(204);
    }
    JsonNode publishers = Platform.json(Platform.get("api/v1/platform/publishers", admin));
    assertThat(publishers.get("items").findValuesAsText("name")).doesNotContain("Example Partner");
    assertThat(publishers.get("items").get(0).get("builtIn").asBoolean()).isTrue();
    assertThat(
            Platform.post(
                    "api/v1/platform/publishers",
                    "{\"name\":\"x\",\"certificate\":\"not a certificate\"}",
                    admin)
                .statusCode())
        .isEqualTo(400);
  }

  private void assertRefused(Path jar, String reason) throws Exception {
    HttpResponse<String> response = PluginsApi.upload(jar, admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(Platform.json(response).toString()).contains(reason);
  }
}
