package io.protohive.kernel.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.protohive.kernel.llm.RouteStep;
import io.protohive.kernel.tenancy.TenantFileSettings;
import io.protohive.kernel.tenancy.TenantRateLimits;
import io.protohive.kernel.tenancy.TenantRetention;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigReaderTest {

  @TempDir Path folder;

  private final TenantsConfigReader reader = new TenantsConfigReader();

  @Test
  void readsTheShippedDemoTenant() throws Exception {
    List<TenantDefinition> tenants = reader.read(Path.of("../../tenants-config"));

    assertThat(tenants).hasSize(1);
    TenantDefinition demo = tenants.get(0);
    assertThat(demo.slug()).isEqualTo("demo");
    assertThat(demo.selfSignup()).isTrue();
    assertThat(demo.emailVerification()).isFalse();
    assertThat(demo.declared().plugins())
        .containsOnlyKeys("io.protohive.plugins.llm-scripted", "io.protohive.plugins.tool-clock");
    assertThat(demo.declared().plugins().values()).allMatch(DeclaredPlugin::enabled);
    assertThat(demo.declared().route()).containsExactly(new RouteStep("scripted", "scripted-1"));
    assertThat(demo.declared().approvalTools()).contains(List.of("clock.now"));
    assertThat(demo.declared().tenantBudget()).isEmpty();
  }

  @Test
  void readsEverySection() throws Exception {
    write(
        "full.yaml",
        """
        slug: full
        name: Full
        plugins:
          io.protohive.plugins.llm-openai:
            config:
              apiKey: {env: OPENAI_API_KEY}
              baseUrl: https://llm.example.com/v1
              timeoutSeconds: 30
          io.protohive.plugins.tool-http:
            enabled: false
        llm:
          route:
            - provider: openai
              model: gpt-4o-mini
          budgets:
            tenant: {unit: tokens, amount: 2000000}
        approvalTools: [http.get, clock.now]
        rateLimits: {user: 120, llm: 30}
        files:
          quotaBytes: 5368709120
          store: s3
        routines: {minIntervalMinutes: 60}
        retention: {messagesDays: 365, auditDays: 730, filesDays: 14}
        organizationTemplates:
          - id: legal-desk
            name: Legal desk
            description: Two lawyers.
            agents:
              - key: lead
                name: Ada
                role: Lead counsel
                color: "#1e40af"
                persona: You lead.
              - key: junior
                name: Bo
                role: Associate
                manager: lead
                tools: [clock.now]
                color: "#15803d"
                persona: You research.
        """);

    TenantDefinition full = reader.read(folder).get(0);
    DeclaredSettings declared = full.declared();
    assertThat(full.rateLimits()).isEqualTo(new TenantRateLimits(120, null, 30));
    assertThat(full.files()).isEqualTo(new TenantFileSettings(5_368_709_120L, "s3"));
    assertThat(full.routineMinIntervalMinutes()).isEqualTo(60);
    assertThat(full.retention()).isEqualTo(new TenantRetention(365, null, 730, 14, null));

    DeclaredPlugin openai = declared.plugins().get("io.protohive.plugins.llm-openai");
    assertThat(openai.enabled()).isTrue();
    assertThat(openai.config())
        .containsExactly(
            entry("apiKey", DeclaredValue.env("OPENAI_API_KEY")),
            entry("baseUrl", DeclaredValue.inline("https://llm.example.com/v1")),
            entry("timeoutSeconds", DeclaredValue.inline("30")));
    assertThat(declared.plugins().get("io.protohive.plugins.tool-http").enabled()).isFalse();
    assertThat(declared.route()).containsExactly(new RouteStep("openai", "gpt-4o-mini"));
    assertThat(declared.tenantBudget()).contains(new DeclaredBudget("TOKENS", 2_000_000, 80));
    assertThat(declared.approvalTools()).contains(List.of("http.get", "clock.now"));
    assertThat(declared.organizationTemplates()).hasSize(1);
    assertThat(declared.organizationTemplates().get(0).agents().get(1).manager()).isEqualTo("lead");
  }

  @Test
  void namesTheLineOfAnUnknownField() throws Exception {
    Path file =
        write(
            "line.yaml",
            "slug: line\nname: Line\nllm:\n  route:\n    - provider: x\n      modle: y\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":6: field 'llm.route[0].modle': ");
  }

  @Test
  void refusesANegativeBudget() throws Exception {
    Path file =
        write(
            "budget.yaml",
            "slug: b\nname: B\nllm:\n  budgets:\n    tenant:\n      unit: TOKENS\n      amount: -5\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(
            file + ":7: field 'llm.budgets.tenant.amount': must be a limit of at least 0, was -5");
  }

  @Test
  void refusesARateLimitOfNothing() throws Exception {
    Path file = write("limits.yaml", "slug: l\nname: L\nrateLimits:\n  user: 10\n  tenant: 0\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(
            file + ":5: field 'rateLimits.tenant': is a number per minute, 1 to 1000000, was 0");
  }

  @Test
  void refusesARoutineIntervalOfNothing() throws Exception {
    Path file = write("routines.yaml", "slug: r\nname: R\nroutines:\n  minIntervalMinutes: 0\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(
            file
                + ":4: field 'routines.minIntervalMinutes': is a number of minutes, at least 1,"
                + " was 0");
  }

  @Test
  void keepsEverythingWithoutRetentionAndRefusesAPeriodOfNothingOrLess() throws Exception {
    Path file = write("kept.yaml", "slug: k\nname: K\n");
    assertThat(reader.read(folder).get(0).retention()).isEqualTo(TenantRetention.DEFAULTS);

    Files.writeString(file, "slug: k\nname: K\nretention:\n  usageDays: 0\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(
            file + ":4: field 'retention.usageDays': is a number of days, at least 1, was 0");

    Files.writeString(file, "slug: k\nname: K\nretention:\n  eventsDays: -7\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(
            file + ":4: field 'retention.eventsDays': is a number of days, at least 1, was -7");
  }

  @Test
  void readsAQuotaAloneAndRefusesAQuotaOfNothingOrABlankStore() throws Exception {
    Path file = write("files.yaml", "slug: f\nname: F\nfiles:\n  quotaBytes: 1000\n");
    assertThat(reader.read(folder).get(0).files()).isEqualTo(new TenantFileSettings(1000L, null));

    Files.writeString(file, "slug: f\nname: F\nfiles:\n  quotaBytes: 0\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(file + ":4: field 'files.quotaBytes': is a number of bytes, at least 1, was 0");

    Files.writeString(file, "slug: f\nname: F\nfiles:\n  store: ' '\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(file + ":4: field 'files.store': names a file store such as disk or s3");
  }

  @Test
  void refusesAnEmptyRouteAndAStepWithoutModel() throws Exception {
    Path file = write("route.yaml", "slug: r\nname: R\nllm:\n  route: []\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":4: field 'llm.route': must list one to five");

    write("route.yaml", "slug: r\nname: R\nllm:\n  route:\n    - provider: scripted\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":5: field 'llm.route[0].model': ");
  }

  @Test
  void refusesASettingThatIsNeitherAValueNorAReference() throws Exception {
    Path file =
        write(
            "setting.yaml",
            "slug: s\nname: S\nplugins:\n  p:\n    config:\n      apiKey: {vault: x}\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":6: field 'plugins.p.config.apiKey': ");
  }

  @Test
  void refusesAHeldToolThatIsNotAToolId() throws Exception {
    Path file =
        write("tools.yaml", "slug: t\nname: T\napprovalTools:\n  - clock.now\n  - 'Not a tool'\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessage(file + ":5: field 'approvalTools[1]': is not a tool id like clock.now");
  }

  @Test
  void refusesATemplateThatTakesAShippedIdOrAnUnknownManager() throws Exception {
    Path file =
        write(
            "templates.yaml",
            "slug: t\nname: T\norganizationTemplates:\n  - id: customer-support\n    name: Mine\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":4: field 'organizationTemplates[0].id': ");

    write(
        "templates.yaml",
        "slug: t\nname: T\norganizationTemplates:\n  - id: mine\n    name: Mine\n    agents:\n"
            + "      - key: a\n        name: A\n        role: R\n        persona: P\n"
            + "        color: '#123456'\n        manager: boss\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":12: field 'organizationTemplates[0].agents[0].manager': ");

    write(
        "templates.yaml",
        "slug: t\nname: T\norganizationTemplates:\n  - id: mine\n    name: Mine\n    agents:\n"
            + "      - key: a\n        name: A\n        role: R\n        persona: P\n");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":7: field 'organizationTemplates[0].agents[0].color': ");
  }

  @Test
  void normalizesDomainsAndDefaultsToTheSafeSide() throws Exception {
    write(
        "acme.yaml",
        "slug: acme\nname: ' Acme Corp '\nallowedEmailDomains: [Acme.COM]\nadmins: [Boss@Acme.com]\n");

    TenantDefinition acme = reader.read(folder).get(0);

    assertThat(acme.name()).isEqualTo("Acme Corp");
    assertThat(acme.allowedEmailDomains()).containsExactly("acme.com");
    assertThat(acme.admins()).containsExactly("boss@acme.com");
    assertThat(acme.selfSignup()).isFalse();
    assertThat(acme.emailVerification()).isTrue();
    assertThat(acme.declared()).isEqualTo(DeclaredSettings.NONE);
    assertThat(acme.rateLimits()).isEqualTo(TenantRateLimits.NONE);
    assertThat(acme.files()).isEqualTo(TenantFileSettings.DEFAULTS);
  }

  @Test
  void namesFileAndFieldOfAnInvalidSlug() throws Exception {
    Path file = write("bad.yaml", "slug: Not A Slug\nname: Bad\n");

    assertThatThrownBy(() -> reader.read(folder))
        .isInstanceOf(InvalidTenantsConfigException.class)
        .hasMessageStartingWith(file + ":1: field 'slug': ")
        .hasMessageContaining("'Not A Slug'");
  }

  @Test
  void namesAnUnknownField() throws Exception {
    Path file = write("typo.yaml", "slug: typo\nname: Typo\nselfSignUp: true\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageStartingWith(file + ":3: field 'selfSignUp': ");
  }

  @Test
  void namesAFieldOfTheWrongType() throws Exception {
    write("wrong.yaml", "slug: wrong\nname: Wrong\nselfSignup: [yes]\n");

    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("field 'selfSignup'");
  }

  @Test
  void rejectsAMissingName() throws Exception {
    write("nameless.yaml", "slug: nameless\n");

    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("field 'name'");
  }

  @Test
  void rejectsSomethingThatIsNotADomain() throws Exception {
    write("domains.yaml", "slug: d\nname: D\nallowedEmailDomains: ['not a domain']\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining(":3: field 'allowedEmailDomains[0]'")
        .hasMessageContaining("'not a domain'");
  }

  @Test
  void rejectsAnAdminThatIsNotAnEmail() throws Exception {
    write("admins.yaml", "slug: a\nname: A\nadmins: [boss]\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining(":3: field 'admins[0]'")
        .hasMessageContaining("'boss'");
  }

  @Test
  void rejectsTheSameSlugInTwoFiles() throws Exception {
    write("a.yaml", "slug: same\nname: A\n");
    write("b.yml", "slug: same\nname: B\n");

    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("b.yml")
        .hasMessageContaining("already declared in")
        .hasMessageContaining("a.yaml");
  }

  @Test
  void rejectsBrokenYamlAndEmptyFiles() throws Exception {
    write("broken.yaml", "slug: [unclosed\n");
    assertThatThrownBy(() -> reader.read(folder)).hasMessageContaining("broken.yaml");

    Files.delete(folder.resolve("broken.yaml"));
    write("empty.yaml", "");
    assertThatThrownBy(() -> reader.read(folder))
        .hasMessageContaining("empty.yaml: the file is empty");
  }

  @Test
  void ignoresOtherFilesAndExplainsAMissingFolder() throws Exception {
    write("README.md", "not a tenant");
    assertThat(reader.read(folder)).isEmpty();

    assertThatThrownBy(() -> reader.read(folder.resolve("absent")))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("PROTOHIVE_TENANTS_DIR");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }
}
