package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stopping and starting the platform keeps its data and repeats none of its first-start work. */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

  private static final String DEPLOYMENT = "platform";

  @ArquillianResource Deployer deployer;

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return Platform.war();
  }

  @Test
  void dataAndUploadedPluginsSurviveARestart() throws Exception {
    Path adminPassword = Platform.DATA_DIR.resolve("initial-admin-password");
    deployer.deploy(DEPLOYMENT);
    String[] admin = PluginsApi.platformAdmin();
    JsonNode before = Platform.json(Platform.get("api/v1/system/info", admin));
    String passwordBefore = Files.readString(adminPassword);
    long adminsBefore = Long.parseLong(PlatformIT.query("select count(*) from user_account"));
    assertThat(PluginsApi.upload(PluginsApi.MISBEHAVING, admin).statusCode()).isEqualTo(201);

    deployer.undeploy(DEPLOYMENT);
    assertThat(Platform.get("api/v1/system/info").statusCode()).isEqualTo(404);
    deployer.deploy(DEPLOYMENT);

    JsonNode after = Platform.json(Platform.get("api/v1/system/info", PluginsApi.platformAdmin()));
    assertThat(after.get("installationId")).isEqualTo(before.get("installationId"));
    assertThat(after.get("installedAt")).isEqualTo(before.get("installedAt"));
    assertThat(after.get("tenants")).isEqualTo(before.get("tenants"));
    assertThat(Files.readString(adminPassword)).isEqualTo(passwordBefore);
    assertThat(PlatformIT.query("select count(*) from user_account"))
        .isEqualTo(Long.toString(adminsBefore));
    assertThat(PluginsApi.installed(PluginsApi.MISBEHAVING_ID, admin))
        .as("an uploaded plugin is installed again from the database")
        .isTrue();
    assertThat(PluginsApi.remove(PluginsApi.MISBEHAVING_ID, admin).statusCode()).isEqualTo(204);
    deployer.undeploy(DEPLOYMENT);
  }
}
