package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.protohive.kernel.identity.PasswordHasher;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole platform on a real Liberty server: API, health, database, plugins, first admin. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void isReadyWhenDatabaseClusterAndPluginHostAreUp() throws Exception {
    HttpResponse<String> response = Platform.get("health/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = Platform.json(response);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.get("checks").findValuesAsText("name"))
        .containsExactlyInAnyOrder("database", "hazelcast", "plugin-host");
    assertThat(health.get("checks").findValuesAsText("status")).containsOnly("UP");
  }

  @Test
  void systemInfoAnswersFromTheDatabaseAndThePluginHost() throws Exception {
    HttpResponse<String> response = Platform.get("api/v1/system/info", PluginsApi.platformAdmin());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode info = Platform.json(response);
    assertThat(info.get("mode").asText()).isEqualTo("embedded");
    assertThat(info.get("installationId").asText()).isEqualTo(query("select id from installation"));
    assertThat(info.get("tenants").asLong())
        .isEqualTo(Long.parseLong(query("select count(*) from tenant")))
        .isPositive();
    assertThat(info.get("schemaVersion").asText())
        .isEqualTo(query("select max(version::int)::text from flyway_schema_history"));
    assertThat(info.get("plugins").get("installed").asInt()).isEqualTo(PluginsApi.bundledCount());
    assertThat(info.get("plugins").get("active").asInt()).isEqualTo(PluginsApi.bundledCount());
  }

  @Test
  void theBundledPluginsAreActive() throws Exception {
    JsonNode bundles =
        Platform.json(Platform.get("api/v1/system/info", PluginsApi.platformAdmin()))
            .get("pluginBundles");

    assertThat(bundles.findValuesAsText("id"))
        .hasSize(PluginsApi.bundledCount())
        .contains(
            "io.protohive.plugins.tool-clock",
            "io.protohive.plugins.tool-http",
            "io.protohive.plugins.tool-web",
            "io.protohive.plugins.tool-code",
            "io.protohive.plugins.llm-openai",
            "io.protohive.plugins.llm-scripted");
    assertThat(bundles.findValuesAsText("state")).containsOnly("ACTIVE");
    assertThat(bundles.findValuesAsText("origin")).containsOnly("BUNDLED");
  }

  @Test
  void theDemoTenantIsAppliedFromTenantsConfig() throws Exception {
    assertThat(
            query(
                "select name || ' ' || self_signup || ' ' || email_verification from tenant where slug = 'demo'"))
        .isEqualTo("Demo true false");
  }

  @Test
  void aChangedTenantsConfigFileIsAppliedAndABrokenOneRefused() throws Exception {
    Path folder = Path.of(System.getProperty("it.tenants.dir"));
    String slug = "watched-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Path file = folder.resolve(slug + ".yaml");
    String[] admin = PluginsApi.platformAdmin();
    try {
      Files.writeString(file, "slug: " + slug + "\nname: Watched\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> tenantName(slug).equals("Watched"));

      Files.writeString(file, "slug: " + slug + "\nname: Watched Again\n");
      await().atMost(Duration.ofSeconds(30)).until(() -> tenantName(slug).equals("Watched Again"));

      Files.writeString(file, "slug: " + slug + "\nname: Broken\nselfSignUp: true\n");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Platform.json(Platform.get("api/v1/system/info", admin))
                      .get("tenantsConfig")
                      .path("error")
                      .asText()
                      .contains(file.getFileName() + ":3: field 'selfSignUp'"));
      assertThat(tenantName(slug)).isEqualTo("Watched Again");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String tenantName(String slug) throws Exception {
    String name = query("select coalesce(max(name), '') from tenant where slug = '" + slug + "'");
    return name == null ? "" : name;
  }

  @Test
  void theFirstAdminHasAGeneratedPasswordKeptInAFileForItsOwnerOnly() throws Exception {
    Path file = Platform.DATA_DIR.resolve("initial-admin-password");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String password = Files.readString(file).strip();
    String hash =
        query("select password_hash from user_account where email = 'admin@protohive.local'");

    assertThat(hash).startsWith("pbkdf2-sha256$").doesNotContain(password);
    assertThat(new PasswordHasher().verify(password.toCharArray(), hash)).isTrue();
    Platform.assertNotLogged(password);
  }

  @Test
  void tokenSigningKeysAreStoredSealedAndStillSign() throws Exception {
    // the admin's sign-in is signed with an active key, and the API accepts the token
    assertThat(Platform.get("api/v1/system/info", PluginsApi.platformAdmin()).statusCode())
        .isEqualTo(200);

    assertThat(query("select count(*) from signing_key where private_key is not null"))
        .isEqualTo("0");
    assertThat(
            query(
                "select count(*) from signing_key where retired_at is null"
                    + " and sealed_private_key like 'v1:%'"))
        .isNotEqualTo("0");
    // every PKCS#8 RSA key, Base64-encoded, holds this run of its algorithm identifier
    assertThat(
            query(
                "select count(*) from signing_key where sealed_private_key"
                    + " like '%ADANBgkqhkiG9w0BAQEFAASC%'"))
        .isEqualTo("0");
  }

  @Test
  void unknownApiPathsAnswerWithProblemDetails() throws Exception {
    HttpResponse<String> response = Platform.get("api/v1/no-such-thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Platform.json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("title").asText()).isEqualTo("Not Found");
  }

  @Test
  void theApiIsDescribedByOpenApi() throws Exception {
    HttpResponse<String> document = Platform.get("openapi");

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("/api/v1/system/info", "ProtoHive API");
    assertThat(Platform.get("openapi/ui/").statusCode()).isEqualTo(200);
  }

  @Test
  void everyParameterOfTheApiDocumentSaysWhatItHolds() throws Exception {
    JsonNode document = Platform.json(Platform.get("openapi?format=JSON"));
    List<JsonNode> parameters = new ArrayList<>();
    document.path("components").path("parameters").forEach(parameters::add);
    document
        .path("paths")
        .forEach(
            path ->
                path.forEach(operation -> operation.path("parameters").forEach(parameters::add)));
    List<JsonNode> undescribed =
        parameters.stream()
            .filter(
                parameter ->
                    !parameter.has("$ref") && !parameter.has("schema") && !parameter.has("content"))
            .toList();

    assertThat(parameters).hasSizeGreaterThan(100);
    // a client generator types each argument by it
    assertThat(undescribed).isEmpty();
  }

  static void execute(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  static String query(String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(Platform.EMBEDDED_DB_URL, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getString(1);
    }
  }
}
