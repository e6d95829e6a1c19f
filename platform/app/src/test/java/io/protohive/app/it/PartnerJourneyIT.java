package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protohive.app.plugin.BundleJars;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/plugins.md promises a partner, end to end with no restart: generate a tool from the
 * template, build and sign it with the partner's key (the build runs the plugin contract), have a
 * platform admin trust the partner and upload the jar, have a tenant admin enable and configure it,
 * and call it through the API.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerJourneyIT {

  private static final Path ROOT = Path.of(System.getProperty("it.repository.root"));

  @TempDir Path work;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void aPartnersNewToolIsBuiltSignedUploadedEnabledAndCalled() throws Exception {
    Path project = work.resolve("weather");
    run(
        work,
        ROOT.resolve("sdk/new-tool.sh").toString(),
        project.toString(),
        "com.acme.protohive",
        "tool-weather",
        "com.acme.protohive.weather",
        "acme.weather");
    run(
        project,
        Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
        "-B",
        "-q",
        "verify",
        "-Dplugin.signing.keystore=" + BundleJars.PARTNER.keystore().toAbsolutePath(),
        "-Dplugin.signing.alias=" + BundleJars.PARTNER.alias(),
        "-Dplugin.signing.storepass=" + BundleJars.PARTNER.password());
    Path jar = project.resolve("target/tool-weather-1.0.0.jar");
    assertThat(jar).exists();

    String[] admin = PluginsApi.platformAdmin();
    String pem = Files.readString(BundleJars.PARTNER_CERTIFICATE);
    HttpResponse<String> trusted =
        Platform.post(
            "api/v1/platform/publishers",
            new ObjectMapper().writeValueAsString(Map.of("name", "Acme", "certificate", pem)),
            admin);
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(201);
    String pluginId = "com.acme.protohive.tool-weather";
    try {
      HttpResponse<String> uploaded = PluginsApi.upload(jar, admin);
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

      String[] tenantAdmin = PluginsApi.newTenantAdmin("acme-customer");
      HttpResponse<String> configured =
          PluginsApi.configure(
              pluginId, "{\"enabled\":true,\"config\":{\"prefix\":\"Weather:\"}}", tenantAdmin);
      assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);
      JsonNode call =
          Platform.json(PluginsApi.invoke("acme.weather", "{\"text\":\"sunny\"}", tenantAdmin));
      assertThat(call.get("status").asText()).isEqualTo("OK");
      assertThat(call.get("content").asText()).isEqualTo("Weather: sunny");
    } finally {
      PluginsApi.remove(pluginId, admin);
      Platform.send(
          "DELETE",
          "api/v1/platform/publishers/" + Platform.json(trusted).get("id").asText(),
          null,
          admin);
    }
  }

  private static void run(Path directory, String... command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("partner-journey-", ".log");
    Process process =
        new ProcessBuilder(List.of(command))
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished: " + command[0]).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
  }
}
