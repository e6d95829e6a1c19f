package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A tenant declared completely in a tenants-config file, as the running server applies it: its
 * plugins with their settings and secrets, model route, budget, held tools, templates and file
 * settings, all read-only through the API, and every bad reference refused with the tenant left as
 * it was.
 */
@ExtendWith(ArquillianExtension.class)
class TenantsConfigIT {

  private static final String OPENAI = "io.protohive.plugins.llm-openai";
  private static final String SCRIPTED = "io.protohive.plugins.llm-scripted";
  private static final String CLOCK = "io.protohive.plugins.tool-clock";
  private static final String HTTP = "io.protohive.plugins.tool-http";
  // set in the integration-test server's environment by platform/app/pom.xml
  private static final String ENV_SECRET = "sk-it-from-the-environment";

  private final Path folder = Path.of(System.getProperty("it.tenants.dir"));
  private final String slug = "declared-" + UUID.randomUUID().toString().substring(0, 8);
  private final String admin = slug + "-boss@example.com";
  private final Path file = folder.resolve(slug + ".yaml");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aDeclaredTenantIsAppliedReadOnlyAndLiveAndBadReferencesAreRefused() throws Exception {
    Path secretFile = Files.createTempFile(folder.getParent(), "openai-key", ".txt");
    try {
      Files.writeString(file, declaration("{env: PROTOHIVE_IT_OPENAI_KEY}", 500000));
      await().atMost(Duration.ofSeconds(30)).until(() -> tenantExists());
      assertThat(Accounts.register(admin, Accounts.PASSWORD, slug).statusCode()).isEqualTo(201);
      String[] boss = bearer();

      pluginsAreEnabledWithTheirSettingsAndManaged(boss);
      managedThingsAreRefusedWith409(boss);
      theRouteBudgetHeldToolsTemplatesAndFilesAreApplied(boss);

      String storedSecret = secretCiphertext();
      Files.writeString(secretFile, "sk-it-from-a-file\n");
      Files.writeString(file, declaration("{file: " + secretFile + "}", 750000));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> tenantBudget(boss).get("amount").asLong() == 750000);
      assertThat(secretCiphertext())
          .isNotEqualTo(storedSecret)
          .doesNotContain("sk-it-from-a-file", ENV_SECRET);

      badReferencesAreRefusedAndTheTenantKept(boss, secretFile);

      // a section taken out of the file is handed back to the admins, its values kept
      Files.writeString(
          file,
          declaration("{file: " + secretFile + "}", 750000)
              .replaceAll("(?s)llm:.*approvalTools", "approvalTools"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !Platform.json(Platform.get("api/v1/tenant/llm-route", boss))
                      .get("managed")
                      .asBoolean());
      JsonNode route = Platform.json(Platform.get("api/v1/tenant/llm-route", boss));
      assertThat(route.get("steps").findValuesAsText("providerId"))
          .containsExactly("scripted", "openai");
      assertThat(tenantBudget(boss).get("managed").asBoolean()).isFalse();
      assertThat(
              Platform.send(
                      "PUT",
                      "api/v1/tenant/llm-route",
                      "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"scripted-1\"}]}",
                      boss)
                  .statusCode())
          .isEqualTo(200);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(secretFile);
    }
  }

  private void pluginsAreEnabledWithTheirSettingsAndManaged(String[] boss) throws Exception {
    JsonNode plugins = Platform.json(Platform.get("api/v1/plugins", boss)).get("items");
    assertThat(plugin(plugins, OPENAI).get("enabled").asBoolean()).isTrue();
    assertThat(plugin(plugins, OPENAI).get("managed").asBoolean()).isTrue();
    assertThat(plugin(plugins, CLOCK).get("managed").asBoolean()).isTrue();
    assertThat(plugin(plugins, HTTP).get("enabled").asBoolean()).isFalse();
    assertThat(plugin(plugins, HTTP).get("managed").asBoolean()).isFalse();

    JsonNode settings = Platform.json(Platform.get("api/v1/tenant/plugins/" + OPENAI, boss));
    assertThat(settings.get("managed").asBoolean()).isTrue();
    assertThat(settings.get("values").get("baseUrl").asText())
        .isEqualTo("https://llm.example.com/v1");
    assertThat(settings.get("secretsSet").toString()).isEqualTo("[\"apiKey\"]");
    assertThat(settings.toString()).doesNotContain(ENV_SECRET);
    assertThat(secretCiphertext()).isNotBlank().doesNotContain(ENV_SECRET);
  }

  private void managedThingsAreRefusedWith409(String[] boss) throws Exception {
    HttpResponse<String> plugin =
        Platform.send("PUT", "api/v1/tenant/plugins/" + OPENAI, "{\"enabled\":false}", boss);
    assertThat(plugin.statusCode()).isEqualTo(409);
    assertThat(plugin.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Platform.json(plugin).get("detail").asText()).contains("managed by tenants-config");
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/llm-route",
                    "{\"steps\":[{\"providerId\":\"scripted\",\"model\":\"other\"}]}",
                    boss)
                .statusCode())
        .isEqualTo(409);
    assertThat(
            Platform.send(
                    "PUT",
                    "api/v1/tenant/budgets",
                    "{\"scope\":\"TENANT\",\"unit\":\"TOKENS\",\"amount\":1}",
                    boss)
                .statusCode())
        .isEqualTo(409);
    assertThat(
            Platform.send(
                    "DELETE",
                    "api/v1/tenant/budgets/" + tenantBudget(boss).get("id").asText(),
                    null,
                    boss)
                .statusCode())
        .isEqualTo(409);
    assertThat(
            Platform.send("PUT", "api/v1/tenant/approval-tools", "{\"toolIds\":[]}", boss)
                .statusCode())
        .isEqualTo(409);
    // what the file does not mention stays the admins' to change
    assertThat(
            Platform.send("PUT", "api/v1/tenant/plugins/" + HTTP, "{\"enabled\":false}", boss)
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/plugins/" + OPENAI, boss))
                .get("enabled")
                .asBoolean())
        .isTrue();
  }

  private void theRouteBudgetHeldToolsTemplatesAndFilesAreApplied(String[] boss) throws Exception {
    JsonNode route = Platform.json(Platform.get("api/v1/tenant/llm-route", boss));
    assertThat(route.get("managed").asBoolean()).isTrue();
    assertThat(route.get("steps").findValuesAsText("providerId"))
        .containsExactly("scripted", "openai");
    assertThat(route.get("steps").findValuesAsText("model"))
        .containsExactly("scripted-1", "gpt-4o-mini");

    JsonNode budget = tenantBudget(boss);
    assertThat(budget.get("amount").asLong()).isEqualTo(500000);
    assertThat(budget.get("unit").asText()).isEqualTo("TOKENS");
    assertThat(budget.get("softPercent").asInt()).isEqualTo(75);
    assertThat(budget.get("managed").asBoolean()).isTrue();

    JsonNode held = Platform.json(Platform.get("api/v1/tenant/approval-tools", boss));
    assertThat(held.get("toolIds").toString()).isEqualTo("[\"clock.now\"]");
    assertThat(held.get("managed").asBoolean()).isTrue();

    JsonNode templates =
        Platform.json(Platform.get("api/v1/organization-templates", boss)).get("items");
    assertThat(templates.findValuesAsText("id")).contains("customer-support", "legal-desk");
    HttpResponse<String> created =
        Platform.post(
            "api/v1/organizations", "{\"name\":\"Chambers\",\"template\":\"legal-desk\"}", boss);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String routines =
        "api/v1/organizations/" + Platform.json(created).get("id").asText() + "/routines";
    String lead =
        Platform.json(
                Platform.get(
                    "api/v1/organizations/" + Platform.json(created).get("id").asText() + "/agents",
                    boss))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    String routine =
        "{\"name\":\"Digest\",\"agentId\":\"%s\",\"titleTemplate\":\"Digest\",\"cron\":\"%s\"}";
    HttpResponse<String> halfHourly =
        Platform.post(routines, routine.formatted(lead, "*/30 * * * *"), boss);
    assertThat(halfHourly.statusCode()).as(halfHourly.body()).isEqualTo(422);
    assertThat(halfHourly.body()).contains("every 60 minutes");
    HttpResponse<String> hourly =
        Platform.post(routines, routine.formatted(lead, "0 * * * *"), boss);
    assertThat(hourly.statusCode()).as(hourly.body()).isEqualTo(201);

    String id = PlatformIT.query("select id from tenant where slug = '" + slug + "'");
    String[] platformAdmin = PluginsApi.platformAdmin();
    JsonNode tenant = Platform.json(Platform.get("api/v1/platform/tenants/" + id, platformAdmin));
    assertThat(tenant.get("fileQuotaBytes").asLong()).isEqualTo(30000);
    assertThat(tenant.get("fileStore").asText()).isEqualTo("s3");
    assertThat(
            Platform.send(
                    "PATCH",
                    "api/v1/platform/tenants/" + id,
                    "{\"fileQuotaBytes\":1}",
                    platformAdmin)
                .statusCode())
        .isEqualTo(409);
  }

  private void badReferencesAreRefusedAndTheTenantKept(String[] boss, Path secretFile)
      throws Exception {
    String good = declaration("{file: " + secretFile + "}", 750000);
    refused(
        good.replace("  " + CLOCK + ":", "  io.protohive.plugins.nothing:"),
        "field 'plugins.io.protohive.plugins.nothing': no plugin");
    refused(
        good.replace("baseUrl:", "baseUri:"),
        "field 'plugins." + OPENAI + ".config.baseUri': the plugin has no setting");
    refused(
        declaration("{env: PROTOHIVE_IT_NOT_SET}", 750000),
        "field 'plugins."
            + OPENAI
            + ".config.apiKey': environment variable PROTOHIVE_IT_NOT_SET is not set");
    refused(
        declaration("{file: " + secretFile + ".absent}", 750000),
        "field 'plugins."
            + OPENAI
            + ".config.apiKey': file "
            + secretFile
            + ".absent cannot be read");
    refused(
        declaration("sk-inline", 750000),
        "field 'plugins." + OPENAI + ".config.apiKey': is a secret");
    refused(
        good.replace("provider: openai", "provider: nobody"),
        "field 'llm.route[1].provider': no installed plugin offers a provider 'nobody'");
    refused(
        good.replace("    config:\n      apiKey", "    enabled: false\n    config:\n      apiKey"),
        "field 'llm.route[1].provider': provider 'openai'");
    refused(
        declaration("{file: " + secretFile + "}", -1),
        "field 'llm.budgets.tenant.amount': must be a limit of at least 0");
    refused(
        good.replace("approvalTools: [clock.now]", "approvalTools: [clock.now, shell.run]"),
        "field 'approvalTools[1]': no installed plugin offers a tool 'shell.run'");
    refused(
        good.replace("store: s3", "store: tape"),
        "field 'files.store': the platform has no file store 'tape'");
    refused(
        good.replace("quotaBytes: 30000", "quotaBytes: 0"),
        "field 'files.quotaBytes': is a number of bytes, at least 1");
    refused(
        good.replace("minIntervalMinutes: 60", "minIntervalMinutes: 0"),
        "field 'routines.minIntervalMinutes': is a number of minutes, at least 1");

    assertThat(tenantBudget(boss).get("amount").asLong()).isEqualTo(750000);
    assertThat(PlatformIT.query("select file_store from tenant where slug = '" + slug + "'"))
        .isEqualTo("s3");
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/llm-route", boss))
                .get("steps")
                .findValuesAsText("providerId"))
        .containsExactly("scripted", "openai");
    assertThat(
            Platform.json(Platform.get("api/v1/tenant/plugins/" + OPENAI, boss))
                .get("enabled")
                .asBoolean())
        .isTrue();
  }

  /** Writes a bad file and waits until the server refuses it, naming the file, line and field. */
  private void refused(String content, String expected) throws Exception {
    String[] platformAdmin = PluginsApi.platformAdmin();
    Files.writeString(file, content);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Platform.json(Platform.get("api/v1/system/info", platformAdmin))
                    .get("tenantsConfig")
                    .path("error")
                    .asText()
                    .matches(
                        ".*"
                            + Pattern.quote(file.getFileName().toString())
                            + ":\\d+: "
                            + Pattern.quote(expected)
                            + ".*"));
  }

  private String declaration(String apiKey, long budget) {
    return """
        slug: %s
        name: Declared
        selfSignup: true
        emailVerification: false
        admins: [%s]
        plugins:
          %s:
            config:
              apiKey: %s
              baseUrl: https://llm.example.com/v1
          %s: {}
          %s: {}
        llm:
          route:
            - provider: scripted
              model: scripted-1
            - provider: openai
              model: gpt-4o-mini
          budgets:
            tenant: {unit: TOKENS, amount: %d, softPercent: 75}
        approvalTools: [clock.now]
        files: {quotaBytes: 30000, store: s3}
        routines: {minIntervalMinutes: 60}
        organizationTemplates:
          - id: legal-desk
            name: Legal desk
            description: A lead counsel and an associate.
            agents:
              - key: lead
                name: Ada
                role: Lead counsel
                color: "#1e40af"
                persona: You lead the desk.
              - key: associate
                name: Bo
                role: Associate
                manager: lead
                color: "#15803d"
                persona: You research the law.
        """
        .formatted(slug, admin, OPENAI, apiKey, SCRIPTED, CLOCK, budget);
  }

  private boolean tenantExists() throws Exception {
    return PlatformIT.query("select count(*) from tenant where slug = '" + slug + "'").equals("1");
  }

  private String secretCiphertext() throws Exception {
    return PlatformIT.query(
        "select p.secrets ->> 'apiKey' from tenant_plugin p join tenant t on t.id = p.tenant_id"
            + " where t.slug = '"
            + slug
            + "' and p.plugin_id = '"
            + OPENAI
            + "'");
  }

  private String[] bearer() throws Exception {
    HttpResponse<String> login = Accounts.login(admin, Accounts.PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return PluginsApi.bearer(Platform.json(login).get("accessToken").asText());
  }

  private static JsonNode tenantBudget(String[] boss) throws Exception {
    for (JsonNode budget :
        Platform.json(Platform.get("api/v1/tenant/budgets", boss)).get("items")) {
      if (budget.get("scope").asText().equals("TENANT")) {
        return budget;
      }
    }
    throw new AssertionError("the tenant has no budget of its own");
  }

  private static JsonNode plugin(JsonNode plugins, String id) {
    for (JsonNode plugin : plugins) {
      if (plugin.get("id").asText().equals(id)) {
        return plugin;
      }
    }
    throw new AssertionError("no plugin " + id);
  }
}
