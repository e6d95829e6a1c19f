package io.protohive.kernel.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protohive.plugin.api.ConfigurationProperty;
import io.protohive.plugin.api.ConfigurationType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsConfigCheckTest {

  private static final String OPENAI = "io.protohive.plugins.llm-openai";
  private static final String CLOCK = "io.protohive.plugins.tool-clock";

  @TempDir Path folder;

  private final InstalledPlugins installed =
      new InstalledPlugins(
          Map.of(
              OPENAI,
              List.of(
                  ConfigurationProperty.of("apiKey", "API key", ConfigurationType.STRING)
                      .asSecret()
                      .asRequired(),
                  ConfigurationProperty.of("baseUrl", "Base URL", ConfigurationType.URL)),
              CLOCK,
              List.of()),
          Map.of("openai", Set.of(OPENAI)),
          Set.of("clock.now"));

  private final TenantsConfigCheck check =
      new TenantsConfigCheck(
          installed, Map.of("OPENAI_API_KEY", "sk-from-env")::get, Set.of("disk"));

  @Test
  void resolvesSecretsFromTheEnvironmentAndFromFiles() throws Exception {
    Path secret = Files.writeString(folder.resolve("key"), "sk-from-file\n");
    TenantDefinition fromEnv =
        read(
            "plugins:\n  "
                + OPENAI
                + ":\n    config:\n      apiKey: {env: OPENAI_API_KEY}\n"
                + "      baseUrl: https://llm.example.com\n"
                + "llm:\n  route:\n    - {provider: openai, model: gpt-4o-mini}\n"
                + "approvalTools: [clock.now]\n");
    assertThat(check.check(fromEnv))
        .containsExactly(
            Map.entry(
                OPENAI, Map.of("apiKey", "sk-from-env", "baseUrl", "https://llm.example.com")));

    TenantDefinition fromFile =
        read("plugins:\n  " + OPENAI + ":\n    config:\n      apiKey: {file: " + secret + "}\n");
    assertThat(check.check(fromFile).get(OPENAI)).containsEntry("apiKey", "sk-from-file");
  }

  @Test
  void refusesAnUnknownPlugin() throws Exception {
    TenantDefinition tenant = read("plugins:\n  io.protohive.plugins.nothing: {}\n");

    assertThatThrownBy(() -> check.check(tenant))
        .hasMessage(
            tenant.file().path()
                + ":4: field 'plugins.io.protohive.plugins.nothing': no plugin"
                + " 'io.protohive.plugins.nothing' is installed");
  }

  @Test
  void refusesASettingThePluginDoesNotDeclare() throws Exception {
    TenantDefinition tenant = read("plugins:\n  " + OPENAI + ":\n    config:\n      apiKee: x\n");

    assertThatThrownBy(() -> check.check(tenant))
        .hasMessageStartingWith(
            tenant.file().path()
                + ":6: field 'plugins."
                + OPENAI
                + ".config.apiKee': the plugin has no setting 'apiKee'");
  }

  @Test
  void refusesAnInlineSecret() throws Exception {
    TenantDefinition tenant =
        read("plugins:\n  " + OPENAI + ":\n    config:\n      apiKey: sk-inline\n");

    assertThatThrownBy(() -> check.check(tenant))
        .hasMessageStartingWith(
            tenant.file().path() + ":6: field 'plugins." + OPENAI + ".config.apiKey': is a secret")
        .hasMessageNotContaining("sk-inline");
  }

  @Test
  void resolvesAnOidcClientSecretByReferenceAndRefusesItInline() throws Exception {
    Path secret = Files.writeString(folder.resolve("client-secret"), "from-file\n");
    String provider =
        "oidcProviders:\n  - id: sso\n    name: SSO\n    issuer: https://sso.example.com\n"
            + "    clientId: protohive\n";
    TenantDefinition byReference =
        read(
            provider
                + "    clientSecret: {file: "
                + secret
                + "}\n  - id: pkce\n    name: P\n"
                + "    issuer: https://sso.example.com\n    clientId: protohive\n");
    assertThat(check.clientSecrets(byReference)).containsExactly(Map.entry("sso", "from-file"));

    TenantDefinition inline = read(provider + "    clientSecret: in-clear\n");
    assertThatThrownBy(() -> check.clientSecrets(inline))
        .hasMessageStartingWith(
            inline.file().path() + ":8: field 'oidcProviders[0].clientSecret': is a secret")
        .hasMessageNotContaining("in-clear");
  }

  @Test
  void refusesAMissingEnvironmentVariableAndAnUnreadableFile() throws Exception {
    TenantDefinition fromEnv =
        read("plugins:\n  " + OPENAI + ":\n    config:\n      apiKey: {env: NOT_SET_HERE}\n");
    assertThatThrownBy(() -> check.check(fromEnv))
        .hasMessage(
            fromEnv.file().path()
                + ":6: field 'plugins."
                + OPENAI
                + ".config.apiKey': environment variable NOT_SET_HERE is not set");

    Path absent = folder.resolve("absent-key");
    TenantDefinition fromFile =
        read("plugins:\n  " + OPENAI + ":\n    config:\n      apiKey: {file: " + absent + "}\n");
    assertThatThrownBy(() -> check.check(fromFile))
        .hasMessage(
            fromFile.file().path()
                + ":6: field 'plugins."
                + OPENAI
                + ".config.apiKey': file "
                + absent
                + " cannot be read");
  }

  @Test
  void refusesAnUnknownProviderAndOneWhosePluginTheFileDoesNotEnable() throws Exception {
    TenantDefinition unknown = read("llm:\n  route:\n    - provider: nobody\n      model: m\n");
    assertThatThrownBy(() -> check.check(unknown))
        .hasMessage(
            unknown.file().path()
                + ":5: field 'llm.route[0].provider': no installed plugin offers a provider"
                + " 'nobody'");

    TenantDefinition notEnabled =
        read(
            "plugins:\n  "
                + OPENAI
                + ":\n    enabled: false\nllm:\n  route:\n    - provider: openai\n      model: m\n");
    assertThatThrownBy(() -> check.check(notEnabled))
        .hasMessageStartingWith(
            notEnabled.file().path() + ":8: field 'llm.route[0].provider': provider 'openai'")
        .hasMessageContaining("which this file does not enable");
  }

  @Test
  void refusesAnUnknownTool() throws Exception {
    TenantDefinition tenant = read("approvalTools:\n  - clock.now\n  - shell.run\n");

    assertThatThrownBy(() -> check.check(tenant))
        .hasMessage(
            tenant.file().path()
                + ":5: field 'approvalTools[1]': no installed plugin offers a tool 'shell.run'");
  }

  @Test
  void refusesAFileStoreThePlatformDoesNotHave() throws Exception {
    assertThat(check.check(read("files:\n  store: disk\n"))).isEmpty();
    TenantDefinition tenant = read("files:\n  quotaBytes: 1000\n  store: s3\n");

    assertThatThrownBy(() -> check.check(tenant))
        .hasMessage(
            tenant.file().path()
                + ":5: field 'files.store': the platform has no file store 's3'; it has [disk]");
  }

  /** A tenant file with the given sections after its two first lines, slug and name. */
  private TenantDefinition read(String sections) throws IOException, InvalidTenantsConfigException {
    Path file =
        Files.writeString(folder.resolve("acme.yaml"), "slug: acme\nname: Acme\n" + sections);
    return new TenantsConfigReader().readFile(file);
  }
}
