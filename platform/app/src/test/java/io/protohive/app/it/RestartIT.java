package io.protohive.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HexFormat;
import java.util.UUID;
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

  @Test
  void aSigningKeyStoredInClearIsSealedAtTheNextStartAndSignsOn() throws Exception {
    deployer.deploy(DEPLOYMENT);
    // a key as versions before sealing stored it, the newest, so it signs after the restart
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String kid = "clear-" + UUID.randomUUID();
    HexFormat hex = HexFormat.of();
    PlatformIT.execute(
        "insert into signing_key (kid, private_key, public_key, created_at) values ('"
            + kid
            + "', decode('"
            + hex.formatHex(pair.getPrivate().getEncoded())
            + "', 'hex'), decode('"
            + hex.formatHex(pair.getPublic().getEncoded())
            + "', 'hex'), now() + interval '1 minute')");
    deployer.undeploy(DEPLOYMENT);
    deployer.deploy(DEPLOYMENT);

    assertThat(PlatformIT.query("select count(*) from signing_key where private_key is not null"))
        .isEqualTo("0");
    assertThat(
            PlatformIT.query(
                "select sealed_private_key from signing_key where kid = '" + kid + "'"))
        .startsWith("v1:");
    String[] admin = PluginsApi.platformAdmin();
    assertThat(SignedJWT.parse(admin[1].substring("Bearer ".length())).getHeader().getKeyID())
        .isEqualTo(kid);
    assertThat(Platform.get("api/v1/system/info", admin).statusCode()).isEqualTo(200);
    deployer.undeploy(DEPLOYMENT);
  }
}
